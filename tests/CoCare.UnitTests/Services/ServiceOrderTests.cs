using CoCare.Kernel;
using CoCare.Services.Domain;

namespace CoCare.UnitTests.Services;

public class ServiceOrderTests
{
    private static readonly DateTime Nine = new(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
    private static readonly GeoPoint Home = new(25.7993, 109.6176);

    private static ServiceOrder Accepted()
    {
        var order = new ServiceOrder(Guid.NewGuid(), "450226104201", "Cleaning", OrderSource.Need, Guid.NewGuid(), Nine, "provider", Nine.AddDays(-1));
        order.Assign("w1", "杨社工");
        order.Accept("w1");
        return order;
    }

    [Fact]
    public void AnOrder_GoesFromRequestedToCompleted_WithCheckInCheckOutAndTheEldersConfirmation()
    {
        var order = Accepted();
        order.CheckIn(Nine, Home, Nine);
        order.CheckOut(Nine.AddMinutes(80), Home, Nine.AddMinutes(80));
        order.Complete(Confirmation.ElderCode, [], Nine.AddMinutes(81));
        Assert.Equal((OrderStatus.Completed, 80.0, Confirmation.ElderCode), (order.Status, order.Minutes!.Value, order.ConfirmedBy!.Value));
    }

    [Fact]
    public void CompletingAnOrderThatNeverCheckedIn_IsRefused()
    {
        var order = Accepted();
        Assert.Equal("Order.NotCheckedIn", Assert.Throws<DomainException>(() => order.Complete(Confirmation.StaffCountersignature, [], Nine)).Code);
        Assert.Equal("Order.NotCheckedIn", Assert.Throws<DomainException>(() => order.CheckOut(Nine, null, Nine)).Code);
    }

    [Fact]
    public void CheckOutBeforeCheckIn_AndTimesInTheFuture_AreRefused()
    {
        var order = Accepted();
        Assert.Equal("Order.TimeInFuture", Assert.Throws<DomainException>(() => order.CheckIn(Nine.AddHours(1), null, Nine)).Code);
        order.CheckIn(Nine, null, Nine);
        Assert.Equal("Order.CheckOutBeforeCheckIn", Assert.Throws<DomainException>(() => order.CheckOut(Nine.AddMinutes(-5), null, Nine.AddHours(1))).Code);
    }

    [Fact]
    public void OnlyTheAssignedWorker_Accepts_AndAnOrderInProgressCannotBeCancelled()
    {
        var order = new ServiceOrder(Guid.NewGuid(), "450226104201", "Meals", OrderSource.Phone, null, null, "village", Nine);
        order.Assign("w1", "杨社工");
        Assert.Equal(ErrorKind.Forbidden, Assert.Throws<DomainException>(() => order.Accept("w2")).Kind);
        order.Accept("w1");
        order.CheckIn(Nine, null, Nine);
        Assert.Equal("Order.IllegalMove", Assert.Throws<DomainException>(() => order.Cancel("下雨")).Code);
        Assert.Equal("Order.IllegalMove", Assert.Throws<DomainException>(order.MarkNoShow).Code);
    }

    [Fact]
    public void ACancellationNeedsAReason()
    {
        var order = Accepted();
        Assert.Equal("Order.ReasonRequired", Assert.Throws<DomainException>(() => order.Cancel(" ")).Code);
        order.Cancel("老人住院");
        Assert.Equal((OrderStatus.Cancelled, "老人住院"), (order.Status, order.CancelReason));
    }

    [Fact]
    public void AnHonestVisit_RaisesNoSignal()
    {
        var order = Accepted();
        order.CheckIn(Nine, new GeoPoint(25.7995, 109.6178), Nine);
        order.CheckOut(Nine.AddMinutes(60), null, Nine.AddMinutes(60));
        Assert.Empty(FraudRules.Detect(order, 45, Home, 300, [(Nine.AddMinutes(60), Nine.AddMinutes(120))]));
    }

    [Fact]
    public void EveryKnownFraud_RaisesItsSignal()
    {
        var order = Accepted();
        var village = new GeoPoint(25.8200, 109.6176); // about 2.3 km north of the elder's home
        order.CheckIn(Nine, village, Nine.AddHours(30));
        order.CheckOut(Nine.AddMinutes(20), null, Nine.AddHours(30));
        var signals = FraudRules.Detect(order, 45, Home, 300, [(Nine.AddMinutes(10), Nine.AddMinutes(40))]);
        Assert.Equal([FraudRules.ShortDuration, FraudRules.Overlap, FraudRules.FarFromElder, FraudRules.LateEntry], signals);
    }

    [Fact]
    public void Haversine_MatchesAKnownDistance()
    {
        // One degree of latitude is about 111.2 km.
        Assert.InRange(new GeoPoint(25, 109).MetersTo(new GeoPoint(26, 109)), 111_000, 111_400);
        Assert.False(new GeoPoint(91, 0).IsValid);
        Assert.False(new GeoPoint(double.NaN, 109).IsValid); // a phone that cannot tell is not on the map
        Assert.False(new GeoPoint(25, double.NaN).IsValid);
    }
}
