using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace CoCare.IntegrationTests;

/// <summary>
/// A Mosquitto broker of the test's own on 127.0.0.1, persistent (so it keeps sessions and queued messages across a
/// restart), which the test can stop and start again. test.sh installs mosquitto; without it the MQTT tests say so and pass.
/// </summary>
public sealed class Broker : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "cocare-mqtt-" + Guid.NewGuid().ToString("N")[..8]);
    private Process? process;

    private Broker(int port) => Port = port;

    public int Port { get; }

    /// <summary>The mosquitto binary (COCARE_TEST_MOSQUITTO, else Debian's), or null when the machine has none.</summary>
    public static string? Binary =>
        Environment.GetEnvironmentVariable("COCARE_TEST_MOSQUITTO") is { Length: > 0 } set ? set : File.Exists("/usr/sbin/mosquitto") ? "/usr/sbin/mosquitto" : null;

    public const string Missing = "mosquitto is not installed (test.sh installs it: apt-get install mosquitto); the MQTT path is not tested here";

    public static async Task<Broker> StartAsync()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var broker = new Broker(port);
        System.IO.Directory.CreateDirectory(broker.directory);
        await File.WriteAllTextAsync(Path.Combine(broker.directory, "mosquitto.conf"), $"""
            listener {port} 127.0.0.1
            user {Environment.UserName}
            allow_anonymous true
            persistence true
            persistence_location {broker.directory}/
            autosave_interval 1
            max_packet_size 2000000
            max_queued_messages 100000
            set_tcp_nodelay true
            log_dest none
            """);
        await broker.StartAgainAsync();
        return broker;
    }

    public async Task StartAgainAsync()
    {
        process = Process.Start(new ProcessStartInfo(Binary!, $"-c {Path.Combine(directory, "mosquitto.conf")}") { UseShellExecute = false, RedirectStandardError = true });
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        throw new InvalidOperationException("mosquitto did not start: " + await process!.StandardError.ReadToEndAsync());
    }

    /// <summary>Stops the broker as an operator would (SIGTERM: it saves its sessions and queued messages first).</summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false } running)
        {
            using var term = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            await running.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        System.IO.Directory.Delete(directory, recursive: true);
    }
}

/// <summary>A test that needs mosquitto: skipped, saying why, on a machine without it.</summary>
public sealed class BrokerFactAttribute : FactAttribute
{
    public BrokerFactAttribute()
    {
        if (Broker.Binary is null)
        {
            Skip = Broker.Missing;
        }
    }
}
