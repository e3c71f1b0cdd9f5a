using Academy.Xapi.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Academy.Learning.Progress;

/// Follows the LRS's feed on every web node: applies batches while there are any, then waits for this
/// node's next commit (or Academy:Learning:Progress:PollSeconds, 2 by default, for other nodes' commits).
/// Academy:Learning:Progress:Follow = false turns it off (a node that only serves pages).
internal sealed class ProgressFollower(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ProgressFollower> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Academy:Learning:Progress:Follow", true)) return;
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Academy:Learning:Progress:PollSeconds", 2.0), 0.05, 60));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var projection = scope.ServiceProvider.GetRequiredService<ProgressProjection>();
                var step = await projection.CatchUpAsync(stoppingToken);
                if (step.Applied == 0)
                    await scope.ServiceProvider.GetRequiredService<IStatementFeed>().WaitForStatementsAsync(step.Position, poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                // The batch's transaction rolled back, cursor included: the same batch is tried again.
                log.LogError(e, "Applying statements to the progress projection failed; trying again shortly.");
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); }
                catch (OperationCanceledException) { }
            }
        }
    }
}
