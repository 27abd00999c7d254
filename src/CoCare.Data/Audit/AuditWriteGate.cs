namespace CoCare.Data.Audit;

/// <summary>
/// One audited write at a time in this process. SQLite has a single writer anyway, and
/// serialising in the application beats letting requests fight for the file lock (NOTES-dotnet.md);
/// on PostgreSQL an advisory lock extends the same order across nodes.
/// </summary>
public sealed class AuditWriteGate : IDisposable
{
    private readonly SemaphoreSlim semaphore = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await semaphore.WaitAsync(cancellationToken);
        return new Turn(semaphore);
    }

    public void Dispose() => semaphore.Dispose();

    private sealed class Turn(SemaphoreSlim semaphore) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }
}
