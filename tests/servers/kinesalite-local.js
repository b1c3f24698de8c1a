// Starts kinesalite (an in-memory Kinesis-compatible server) on 127.0.0.1 only; its own CLI binds every interface.
// Usage: node kinesalite-local.js PORT
'use strict'
const port = Number(process.argv[2])
if (!Number.isInteger(port) || port <= 0) {
  console.error('usage: node kinesalite-local.js PORT')
  process.exit(2)
}
const server = require('kinesalite')({ createStreamMs: 0, deleteStreamMs: 0, updateStreamMs: 0, shardLimit: 50 })
server.listen(port, '127.0.0.1', () => console.log(`listening on 127.0.0.1:${port}`))
