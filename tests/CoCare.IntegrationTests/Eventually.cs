namespace CoCare.IntegrationTests;

/// <summary>Waits for what background work does after a request was answered (routing a stored alert, writing folded heartbeats).</summary>
public static class Eventually
{
    /// <summary>Reads until <paramref name="done"/> holds, for at most ten seconds; returns the last read, so the caller's assertion shows what was there.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(done);
        var value = await read();
        for (var i = 0; i < 100 && !done(value); i++)
        {
            await Task.Delay(100);
            value = await read();
        }

        return value;
    }
}
