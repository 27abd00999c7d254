namespace CoCare.Web.Demo;

/// <summary>Bound from "Demo": whether to load the Drum Tower scenario into an empty database, and the demo password.</summary>
public sealed class DemoOptions
{
    public const string DefaultPassword = "CoCare@2026demo";

    public bool Seed { get; set; } = true;

    public string Password { get; set; } = DefaultPassword;

    /// <summary>The fixed seed of the generator: the same data on every machine.</summary>
    public int RandomSeed { get; set; } = 20250115;
}
