using System.Text;
using Lambda.Hosting.Bootstrap;
using Lambda.Hosting.Client;
using Lambda.Hosting.Context;
using Lambda.Hosting.ExceptionHandling;
using Lambda.Hosting.Logging;
using Moq;

namespace Lambdas.Tests.Hosting;

public class LambdaBootstrapTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);
    private readonly Mock<IRuntimeApiClient> _client = new();
    private readonly Mock<IEnvironment> _environment = new();
    private readonly StringWriter _log = new();

    private LambdaBootstrap Bootstrap() =>
        new(_client.Object, _environment.Object, new FixedClock(Now), new JsonLogger(_log, new FixedClock(Now)));

    private static Invocation Invocation(string payload, TimeSpan remaining) =>
        new(Encoding.UTF8.GetBytes(payload), new InvocationContext("req-1", Now + remaining, "arn:fn", "Root=1-trace", null));

    [Fact]
    public async Task Invoke_HandlerSucceeds_PostsItsResponse()
    {
        InvocationHandler echo = (payload, _, _) => Task.FromResult(payload.Reverse().ToArray());

        await Bootstrap().InvokeAsync(echo, Invocation("abc", TimeSpan.FromSeconds(3)), CancellationToken.None);

        _client.Verify(c => c.SendResponseAsync("req-1", It.Is<byte[]>(b => Encoding.UTF8.GetString(b) == "cba"), It.IsAny<CancellationToken>()));
        _environment.Verify(e => e.Set("_X_AMZN_TRACE_ID", "Root=1-trace"));
    }

    [Fact]
    public async Task Invoke_HandlerThrows_PostsTheErrorDocument()
    {
        InvocationHandler failing = (_, _, _) => throw new InvalidDataException("bad event");

        await Bootstrap().InvokeAsync(failing, Invocation("{}", TimeSpan.FromSeconds(3)), CancellationToken.None);

        _client.Verify(c => c.SendErrorAsync("req-1", It.Is<ErrorBody>(e => e.ErrorMessage == "bad event" && e.ErrorType == "InvalidDataException"), It.IsAny<CancellationToken>()));
        _client.Verify(c => c.SendResponseAsync(It.IsAny<string>(), It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Never);
        Assert.Contains("\"requestId\":\"req-1\"", _log.ToString());
        Assert.Contains("\"level\":\"ERROR\"", _log.ToString());
    }

    [Fact]
    public async Task Invoke_DeadlinePassed_CancelsTheHandlerAndReportsDeadlineExceeded()
    {
        InvocationHandler slow = async (_, _, token) =>
        {
            await Task.Delay(Timeout.Infinite, token);
            return [];
        };

        await Bootstrap().InvokeAsync(slow, Invocation("{}", TimeSpan.FromMilliseconds(-1)), CancellationToken.None);

        _client.Verify(c => c.SendErrorAsync("req-1", It.Is<ErrorBody>(e => e.ErrorType == LambdaBootstrap.DeadlineExceededType), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Run_InitializationFails_ReportsInitErrorAndExitsNonZero()
    {
        var exit = await Bootstrap().RunAsync(() => throw new InvalidOperationException("BRONZE_BUCKET is not set"), CancellationToken.None);

        Assert.Equal(1, exit);
        _client.Verify(c => c.SendInitErrorAsync(It.Is<ErrorBody>(e => e.ErrorMessage == "BRONZE_BUCKET is not set"), It.IsAny<CancellationToken>()));
        _client.Verify(c => c.GetNextInvocationAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Run_Stopped_LeavesTheLoop()
    {
        using var stop = new CancellationTokenSource();
        var calls = 0;
        _client.Setup(c => c.GetNextInvocationAsync(It.IsAny<CancellationToken>()))
            .Returns((CancellationToken token) =>
            {
                if (++calls == 2)
                {
                    stop.Cancel();
                    token.ThrowIfCancellationRequested();
                }
                return Task.FromResult(Invocation("x", TimeSpan.FromSeconds(1)));
            });

        var exit = await Bootstrap().RunAsync(() => (p, _, _) => Task.FromResult(p), stop.Token);

        Assert.Equal(0, exit);
        _client.Verify(c => c.SendResponseAsync("req-1", It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Run_StoppedDuringAnInvocation_LeavesTheLoopWithoutAnswering()
    {
        using var stop = new CancellationTokenSource();
        _client.Setup(c => c.GetNextInvocationAsync(It.IsAny<CancellationToken>())).ReturnsAsync(Invocation("x", TimeSpan.FromSeconds(30)));
        InvocationHandler stoppedMidway = async (_, _, token) =>
        {
            await stop.CancelAsync();
            await Task.Delay(Timeout.Infinite, token);
            return [];
        };

        var exit = await Bootstrap().RunAsync(() => stoppedMidway, stop.Token);

        Assert.Equal(0, exit);
        _client.Verify(c => c.SendResponseAsync(It.IsAny<string>(), It.IsAny<byte[]>(), It.IsAny<CancellationToken>()), Times.Never);
        _client.Verify(c => c.SendErrorAsync(It.IsAny<string>(), It.IsAny<ErrorBody>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
