namespace Academy.Xapi.Statements;

/// The in-process wake-up for feed readers (IStatementFeed.WaitForStatementsAsync): the writer says
/// after each commit how far the feed now reaches. It only shortens the wait; readers still poll the
/// cursor, which is what finds statements other web nodes committed.
internal sealed class StatementCommits
{
    private readonly Lock gate = new();
    private long latest;
    private TaskCompletionSource next = New();

    private static TaskCompletionSource New() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Committed(long sequence)
    {
        TaskCompletionSource woken;
        lock (gate)
        {
            if (sequence > latest) latest = sequence;
            woken = next;
            next = New();
        }
        woken.TrySetResult();
    }

    public async Task<bool> WaitAsync(long after, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        while (true)
        {
            Task commit;
            lock (gate)
            {
                if (latest > after) return true;
                commit = next.Task;
            }
            try { await commit.WaitAsync(deadline.Token); }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested) { return false; }
        }
    }
}
