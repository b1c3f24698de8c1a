using Lambda.Hosting.Bootstrap;

// Answers every event with the event itself: start-up and the Runtime API round trip, no work.
return await LambdaRuntime.RunAsync(() => (payload, _, _) => Task.FromResult(payload));
