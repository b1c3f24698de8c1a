using Lambda.Events;
using Lambda.Hosting.Bootstrap;
using Lambda.Storage;
using WindowedAggregates;

return await LambdaRuntime.RunAsync(() =>
{
    var handler = new WindowedAggregatesHandler(ObjectStores.FromEnvironment(Environment.GetEnvironmentVariable), WindowedAggregatesOptions.From(Environment.GetEnvironmentVariable));
    return HandlerAdapter.For<KinesisTimeWindowEvent, TimeWindowEventResponse>(handler.HandleAsync,
        TumblingWindowJsonContext.Default.KinesisTimeWindowEvent, TumblingWindowJsonContext.Default.TimeWindowEventResponse);
});
