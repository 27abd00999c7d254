using System.Globalization;

namespace CoCare.Kernel;

/// <summary>An amount in Chinese yuan held as whole fen (1 yuan = 100 fen), never as floating point.</summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    public static Money FromYuan(decimal yuan)
    {
        var fen = yuan * 100m;
        if (fen != decimal.Truncate(fen))
        {
            throw new ArgumentException("An amount has at most two decimal places.", nameof(yuan));
        }

        return new Money((long)fen);
    }

    public decimal Yuan => Fen / 100m;

    public static Money operator +(Money a, Money b) => new(checked(a.Fen + b.Fen));

    public static Money operator -(Money a, Money b) => new(checked(a.Fen - b.Fen));

    public static bool operator <(Money a, Money b) => a.Fen < b.Fen;

    public static bool operator >(Money a, Money b) => a.Fen > b.Fen;

    public static bool operator <=(Money a, Money b) => a.Fen <= b.Fen;

    public static bool operator >=(Money a, Money b) => a.Fen >= b.Fen;

    public static Money Add(Money a, Money b) => a + b;

    public static Money Subtract(Money a, Money b) => a - b;

    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    public override string ToString() => "¥" + Yuan.ToString("N2", CultureInfo.InvariantCulture);
}
