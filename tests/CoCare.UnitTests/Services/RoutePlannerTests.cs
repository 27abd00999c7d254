using CoCare.Services.Features.Routing;

namespace CoCare.UnitTests.Services;

public class RoutePlannerTests
{
    private static readonly Func<double, double, double, double, long> Distance = (x1, y1, x2, y2) => (long)Math.Ceiling(Solomon.Euclid(x1, y1, x2, y2) * 1000);

    private static RoutingProblem Problem(params RoutingStop[] stops) =>
        new("tiny", 0, 0, 0, 1_000_000, stops, Vehicles: 2, Capacity: 10, Distance, Distance);

    [Fact]
    public void AnImpossibleTimeWindow_IsReportedUnplannedWithTheReason_AndTheRestArePlanned()
    {
        var problem = Problem(
            new RoutingStop("a", 10, 0, 3, 0, 1_000_000, 5_000),
            new RoutingStop("b", 20, 0, 3, 0, 1_000_000, 5_000),
            new RoutingStop("too-early", 300, 0, 1, 0, 100_000, 0),
            new RoutingStop("c", 0, 30, 3, 100_000, 200_000, 5_000));

        var plan = RoutePlanner.Plan(problem, TimeSpan.FromSeconds(1));

        var unplanned = Assert.Single(plan.Unplanned);
        Assert.Equal((2, RoutePlanner.WindowUnreachable), (unplanned.Stop, unplanned.Reason));
        Assert.Equal([0, 1, 3], plan.Routes.SelectMany(r => r.Stops).Order());
        Assert.Null(Solomon.CheckFeasible(problem, plan, requireAll: false));
        var c = plan.Routes.SelectMany(r => r.Stops.Zip(r.Arrivals)).Single(x => x.First == 3);
        Assert.InRange(c.Second, 100_000, 200_000);
    }

    [Fact]
    public void CapacityIsRespected_SoTheLoadIsSplitBetweenVehicles()
    {
        var problem = Problem(
            new RoutingStop("a", 10, 0, 6, 0, 1_000_000, 0),
            new RoutingStop("b", 11, 0, 6, 0, 1_000_000, 0));

        var plan = RoutePlanner.Plan(problem, TimeSpan.FromSeconds(1));

        Assert.Equal(2, plan.Routes.Count);
        Assert.Empty(plan.Unplanned);
    }

    [Fact]
    public void AStopGoesOnlyToAVehicleAllowedToServeIt_AndOneNoVehicleMayServe_IsUnplannedWithTheReason()
    {
        var plan = RoutePlanner.Plan(Problem(
            new RoutingStop("bath", 10, 0, 0, 0, 1_000_000, 0, Vehicles: [1]),
            new RoutingStop("meal", 11, 0, 1, 0, 1_000_000, 0),
            new RoutingStop("nobody", 12, 0, 0, 0, 1_000_000, 0, Vehicles: [])), TimeSpan.FromSeconds(1));

        Assert.Equal(1, Assert.Single(plan.Routes, r => r.Stops.Contains(0)).Vehicle);
        Assert.Contains(1, plan.Routes.SelectMany(r => r.Stops));
        Assert.Equal((2, RoutePlanner.NoQualifiedWorker), (Assert.Single(plan.Unplanned).Stop, Assert.Single(plan.Unplanned).Reason));
    }

    [Fact]
    public void AStopBiggerThanAnyVehicle_IsUnplannedForLackOfRoom()
    {
        var plan = RoutePlanner.Plan(Problem(new RoutingStop("huge", 10, 0, 11, 0, 1_000_000, 0)), TimeSpan.FromSeconds(1));
        Assert.Equal(RoutePlanner.NoRoom, Assert.Single(plan.Unplanned).Reason);
    }

    [Fact]
    public void TheSolomonFormat_IsRead_AndDistancesFollowTheDimacsConvention()
    {
        const string text = "TINY\r\n\r\nVEHICLE\r\nNUMBER     CAPACITY\r\n  25         200\r\n\r\nCUSTOMER\r\nCUST NO.  XCOORD.   YCOORD.    DEMAND   READY TIME  DUE DATE   SERVICE   TIME\r\n\r\n"
            + "    0      0         0          0          0       1000          0\r\n"
            + "    1      3         4         10          0       1000         10\r\n";
        var problem = Solomon.Parse(text);
        Assert.Equal((25, 200, 1), (problem.Vehicles, problem.Capacity, problem.Stops.Count));
        Assert.Equal((10_000L, 1_000_000L), (problem.Stops[0].Service, problem.DepotDue));

        var plan = RoutePlanner.Plan(problem, TimeSpan.FromSeconds(1));
        Assert.Equal((10.0, 10.0), Solomon.Distances(problem, plan));
        Assert.Null(Solomon.CheckFeasible(problem, plan, requireAll: true));
    }

    [Fact]
    public void TheFeasibilityCheck_CatchesALateArrival()
    {
        var problem = Problem(new RoutingStop("a", 100, 0, 1, 0, 50_000, 0));
        var late = new RoutingPlan([new PlannedRoute(0, [0], [100_000])], [], 0);
        Assert.Contains("after its window", Solomon.CheckFeasible(problem, late, requireAll: true), StringComparison.Ordinal);
    }
}
