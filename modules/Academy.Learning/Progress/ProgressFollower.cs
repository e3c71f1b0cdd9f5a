using Academy.Xapi.Contracts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Academy.Learning.Progress;

/// Follows the LRS's feed on every web node: applies batches while there are any, then waits for this
/// node's next commit (or Academy:Learning:Progress:PollSeconds, 2 by default, for other nodes' commits).
/// Academy:Learning:Progress:Follow = false turns it off (a node that only serves pages).
///
/// Once caught up, it lets new statements settle for Academy:Learning:Progress:SettleMilliseconds (100 by default)
/// before reading them, so a busy LRS's commits are applied as one batch: one read of the feed and one write of the
/// cursor for a hundred or more statements instead of one per commit. Each write is a transaction on the database
/// file the LRS's writer uses, taking its lock and its fsync, and resetting the writer's page cache; following every
/// commit took about a third of the CPU that single-statement ingest used (issue 12 §3, README "Ingest").
internal sealed class ProgressFollower(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ProgressFollower> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Academy:Learning:Progress:Follow", true)) return;
        var poll = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Academy:Learning:Progress:PollSeconds", 2.0), 0.05, 60));
        var settle = TimeSpan.FromMilliseconds(Math.Clamp(configuration.GetValue("Academy:Learning:Progress:SettleMilliseconds", 100.0), 0, 5000));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var projection = scope.ServiceProvider.GetRequiredService<ProgressProjection>();
                var step = await projection.CatchUpAsync(stoppingToken);
                // A full batch means more are waiting: read on at once. Otherwise wait for the next commit, then settle.
                if (step.Applied is >= 0 and < ProgressProjection.BatchSize
                    && await scope.ServiceProvider.GetRequiredService<IStatementFeed>().WaitForStatementsAsync(step.Position, poll, stoppingToken)
                    && settle > TimeSpan.Zero)
                    await Task.Delay(settle, stoppingToken);
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
