using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CoCare.Data;

/// <summary>A write waiting in a <see cref="GroupCommitWriter{TPending, TResult}"/>; <see cref="Done"/> completes once it is stored (or refused).</summary>
public interface IPendingWrite<TResult>
{
    TaskCompletionSource<TResult> Done { get; }
}

/// <summary>
/// The one writer of some kind of record in this process (group commit). Requests queue their writes here; the writer
/// takes what has queued (up to <paramref name="maxBatch"/>), has <see cref="StoreAsync"/> decide and store them in one
/// transaction and answer each, and only then do the requests return — so whatever was acknowledged is on disk, and a
/// killed process loses only what it never acknowledged. Should a batch fail (another node stored one of the same
/// records first: a unique index refuses it), each write is stored again on its own, so one bad write fails alone.
/// The queue holds at most <paramref name="capacity"/> writes; beyond that requests wait (back-pressure).
/// </summary>
public abstract partial class GroupCommitWriter<TPending, TResult>(int maxBatch, int capacity, ILogger logger) : BackgroundService
    where TPending : IPendingWrite<TResult>
{
    private readonly Channel<TPending> queue = Channel.CreateBounded<TPending>(new BoundedChannelOptions(capacity) { SingleReader = true });

    /// <summary>Queues the writes and waits until each is answered.</summary>
    protected async Task<TResult[]> CommitAsync(IReadOnlyList<TPending> writes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(writes);
        foreach (var write in writes)
        {
            await queue.Writer.WriteAsync(write, ct);
        }

        return await Task.WhenAll(writes.Select(w => w.Done.Task)).WaitAsync(ct);
    }

    /// <summary>Decides and stores the batch in one transaction, then completes each write's <see cref="IPendingWrite{TResult}.Done"/>.</summary>
    protected abstract Task StoreAsync(IReadOnlyList<TPending> batch);

    /// <summary>
    /// A write stored on its own failed with <paramref name="failure"/>: answer it here and return true when that failure
    /// has a meaning (e.g. another node stored the same record first); otherwise the request gets the exception.
    /// </summary>
    protected virtual bool Answer(TPending write, Exception failure) => false;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<TPending>(maxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                batch.Clear();
                while (batch.Count < maxBatch && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteBatchAsync(batch);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: whatever is still queued was never acknowledged.
        }
        finally
        {
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task WriteBatchAsync(List<TPending> batch)
    {
        try
        {
            await StoreAsync(batch);
        }
        catch (Exception e) when (batch.Count > 1 && e is not OperationCanceledException)
        {
            BatchFailed(logger, batch.Count, GetType().Name, e);
            foreach (var one in batch)
            {
                try
                {
                    await StoreAsync([one]);
                }
                catch (Exception single) when (single is not OperationCanceledException)
                {
                    Fail(one, single);
                }
            }
        }
        catch (Exception e)
        {
            foreach (var one in batch)
            {
                Fail(one, e);
            }
        }
    }

    private void Fail(TPending write, Exception error)
    {
        if (!Answer(write, error))
        {
            write.Done.TrySetException(error);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {Count} writes in {Writer} failed; writing them one by one")]
    private static partial void BatchFailed(ILogger logger, int count, string writer, Exception e);
}
