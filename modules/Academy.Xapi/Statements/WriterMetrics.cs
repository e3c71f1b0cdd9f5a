using System.Diagnostics.Metrics;

namespace Academy.Xapi.Statements;

/// What each commit of the statement writer costs, for `dotnet-counters monitor --counters Academy.Xapi`
/// and the bench's breakdown (issue 12 §3): how many requests and statements it carried, how long the
/// writer waited for more requests (group commit), for the write lock (another node's commit), for
/// the inserts and for the commit itself (the fsync).
internal static class WriterMetrics
{
    public const string MeterName = "Academy.Xapi";
    private static readonly Meter Meter = new(MeterName);

    public static readonly Histogram<int> Requests = Meter.CreateHistogram<int>("academy.xapi.commit.requests", "{request}", "Requests stored by one commit");
    public static readonly Histogram<int> Statements = Meter.CreateHistogram<int>("academy.xapi.commit.statements", "{statement}", "Statements stored by one commit");
    public static readonly Histogram<double> Gather = Meter.CreateHistogram<double>("academy.xapi.commit.gather", "ms", "Waiting for more requests before a commit");
    public static readonly Histogram<double> Lock = Meter.CreateHistogram<double>("academy.xapi.commit.lock", "ms", "Beginning the transaction: taking the write lock");
    public static readonly Histogram<double> Write = Meter.CreateHistogram<double>("academy.xapi.commit.write", "ms", "Conflict checks and inserts");
    public static readonly Histogram<double> Sync = Meter.CreateHistogram<double>("academy.xapi.commit.sync", "ms", "COMMIT: the fsync");
}
