using Infra.Cli;
using Pipelines.Cli;

return DataPlatform.Run(args, new ProcessHost());
