using CoCare.Data;
using Microsoft.Extensions.Logging.Abstractions;

namespace CoCare.UnitTests.Data;

/// <summary>The group-commit writer behind meal check-ins and device events: writes that queue together are stored together, and one bad write fails alone.</summary>
public sealed class GroupCommitWriterTests : IAsyncLifetime
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30); // a bound so a broken writer fails the test instead of hanging it

    private readonly Ledger ledger = new();

    public Task InitializeAsync() => ledger.StartAsync(CancellationToken.None);

    public async Task DisposeAsync()
    {
        ledger.Gate.TrySetResult();
        await ledger.StopAsync(CancellationToken.None);
        ledger.Dispose();
    }

    [Fact]
    public async Task WritesThatQueueWhileABatchIsBeingStored_AreStoredTogether_UpToTheBatchSize()
    {
        var first = ledger.WriteAsync(1);
        await ledger.Entered.Task.WaitAsync(Bound); // the writer is storing [1] and waits at the gate
        var rest = ledger.WriteAsync(2, 3, 4, 5);
        ledger.Gate.SetResult();

        Assert.Equal(["stored 1"], await first.WaitAsync(Bound));
        Assert.Equal(["stored 2", "stored 3", "stored 4", "stored 5"], await rest.WaitAsync(Bound));
        Assert.Equal(new int[][] { [1], [2, 3, 4], [5] }, ledger.Attempts); // the batch size is 3
        Assert.Equal([1, 2, 3, 4, 5], ledger.Stored);
    }

    [Fact]
    public async Task ABatchThatFails_IsStoredOneByOne_SoOnlyTheBadWriteFails_AndAMeaningfulFailureIsAnswered()
    {
        var blocker = ledger.WriteAsync(9);
        await ledger.Entered.Task.WaitAsync(Bound);
        var good = ledger.WriteAsync(1);
        var bad = ledger.WriteAsync(Ledger.Refused);
        var duplicate = ledger.WriteAsync(Ledger.AlreadyStored);
        var alsoGood = ledger.WriteAsync(2);
        ledger.Gate.SetResult();

        await blocker.WaitAsync(Bound);
        Assert.Equal(["stored 1"], await good.WaitAsync(Bound));
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Bound));
        Assert.Equal("refused", refused.Message);
        Assert.Equal(["duplicate"], await duplicate.WaitAsync(Bound));
        Assert.Equal(["stored 2"], await alsoGood.WaitAsync(Bound));
        Assert.Equal([9, 1, 2], ledger.Stored);
        Assert.Equal(new int[][] { [9], [1, Ledger.Refused, Ledger.AlreadyStored], [1], [Ledger.Refused], [Ledger.AlreadyStored], [2] }, ledger.Attempts); // the batch size is 3
    }

    private sealed record Write(int Value) : IPendingWrite<string>
    {
        public TaskCompletionSource<string> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Stores numbers; a batch holding <see cref="Refused"/> or <see cref="AlreadyStored"/> fails as a whole, as a transaction would.</summary>
    private sealed class Ledger() : GroupCommitWriter<Write, string>(maxBatch: 3, capacity: 100, NullLogger.Instance)
    {
        public const int Refused = -1;
        public const int AlreadyStored = 0;

        public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public List<int[]> Attempts { get; } = [];

        public List<int> Stored { get; } = [];

        public Task<string[]> WriteAsync(params int[] values) => CommitAsync([.. values.Select(v => new Write(v))], CancellationToken.None);

        protected override async Task StoreAsync(IReadOnlyList<Write> batch)
        {
            Attempts.Add([.. batch.Select(w => w.Value)]);
            Entered.TrySetResult();
            await Gate.Task;
            if (batch.Any(w => w.Value == Refused))
            {
                throw new InvalidOperationException("refused");
            }

            if (batch.Any(w => w.Value == AlreadyStored))
            {
                throw new ArgumentException("already stored");
            }

            Stored.AddRange(batch.Select(w => w.Value));
            foreach (var w in batch)
            {
                w.Done.TrySetResult("stored " + w.Value);
            }
        }

        protected override bool Answer(Write write, Exception failure)
        {
            if (failure is ArgumentException)
            {
                write.Done.TrySetResult("duplicate");
                return true;
            }

            return false;
        }
    }
}
