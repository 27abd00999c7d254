using CoCare.Kernel;

namespace CoCare.UnitTests.Kernel;

public class MoneyTests
{
    [Fact]
    public void FromYuan_KeepsWholeFen() => Assert.Equal(1234567L, Money.FromYuan(12345.67m).Fen);

    [Fact]
    public void FromYuan_RefusesFractionsOfAFen() => Assert.Throws<ArgumentException>(() => Money.FromYuan(0.001m));

    [Fact]
    public void Arithmetic_StaysInFen() => Assert.Equal(new Money(150), new Money(100) + new Money(50));
}
