using CoCare.Kernel;

namespace CoCare.Volunteers.Domain;

/// <summary>
/// A shift (班次) a coordinator posts: what, where, when (UTC; shown in Beijing time), the skills it needs and how many
/// volunteers it takes. Confirmed attendance earns <see cref="CreditRate"/> time-bank hours per hour worked, paid from
/// the time bank of <see cref="ProjectId"/> (kept as <see cref="CreditPercent"/>: 100 is one hour per hour).
/// </summary>
public sealed class Shift : Entity
{
    /// <summary>Volunteers may check in this long before the start.</summary>
    public static readonly TimeSpan EarlyCheckIn = TimeSpan.FromMinutes(30);

    public const int MaxCapacity = 500;

    private Shift()
    {
    }

    public Shift(Guid projectId, string regionCode, string postedBy, DateTime postedAt)
    {
        ProjectId = projectId;
        RegionCode = regionCode;
        PostedBy = postedBy;
        PostedAt = postedAt;
    }

    public Guid ProjectId { get; private set; }

    public string RegionCode { get; private set; } = "";

    public string Title { get; private set; } = "";

    public string Place { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public List<Skill> Skills { get; private set; } = [];

    public int Capacity { get; private set; }

    /// <summary>Time-bank hours per hour worked, in percent (150 = 1.5 hours per hour).</summary>
    public int CreditPercent { get; private set; } = 100;

    public decimal CreditRate => CreditPercent / 100m;

    public string PostedBy { get; private set; } = "";

    public DateTime PostedAt { get; private set; }

    public bool IsCancelled { get; private set; }

    /// <summary>Sets what the shift is; refuses an empty title, a shift that ends before it starts or lasts over 24 h, and a capacity outside 1..500.</summary>
    public void Describe(string title, string place, DateTime startsAt, DateTime endsAt, IReadOnlyList<Skill> skills, int capacity, decimal creditRate)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 100)
        {
            throw new DomainException("Shift.Title", ErrorKind.Validation, "title");
        }

        if (place is { Length: > 200 })
        {
            throw new DomainException("Shift.Place", ErrorKind.Validation, "place");
        }

        if (endsAt <= startsAt || endsAt - startsAt > TimeSpan.FromHours(24))
        {
            throw new DomainException("Shift.Times", ErrorKind.Validation, "endsAt");
        }

        if (capacity is < 1 or > MaxCapacity)
        {
            throw new DomainException("Shift.Capacity", ErrorKind.Validation, "capacity", MaxCapacity);
        }

        if (creditRate is < 0 or > 10 || decimal.Round(creditRate, 2) != creditRate)
        {
            throw new DomainException("Shift.CreditRate", ErrorKind.Validation, "creditRate");
        }

        Title = title.Trim();
        Place = place.Trim();
        StartsAt = startsAt;
        EndsAt = endsAt;
        Skills = skills.Distinct().Order().ToList();
        Capacity = capacity;
        CreditPercent = (int)(creditRate * 100);
    }

    public void Cancel() => IsCancelled = true;

    public bool Overlaps(DateTime start, DateTime end) => StartsAt < end && start < EndsAt;

    /// <summary>Time-bank minutes earned for <paramref name="minutesWorked"/> on this shift (whole minutes, rounded half up).</summary>
    public long CreditFor(int minutesWorked) => (long)Math.Round(minutesWorked * CreditPercent / 100m, MidpointRounding.AwayFromZero);
}

public enum SignupStatus
{
    /// <summary>Holds one of the shift's places.</summary>
    Booked,

    /// <summary>Waits for a place; the first in line gets the next one freed.</summary>
    Waitlisted,

    Cancelled,
}

/// <summary>
/// A volunteer's sign-up for a shift. A booked sign-up holds a numbered place (1..capacity); the database allows each
/// place of a shift once, so concurrent sign-ups can never book more people than the shift takes. The shift's times
/// are copied here so that overlapping sign-ups are found with one query.
/// </summary>
public sealed class Signup : Entity
{
    private Signup()
    {
    }

    public Signup(Shift shift, Volunteer volunteer, int? place, long queueNumber, DateTime now)
    {
        ShiftId = shift.Id;
        VolunteerId = volunteer.Id;
        VolunteerName = volunteer.Name;
        StartsAt = shift.StartsAt;
        EndsAt = shift.EndsAt;
        SignedUpAt = now;
        Requeue(place, queueNumber);
    }

    public Guid ShiftId { get; private set; }

    public Guid VolunteerId { get; private set; }

    public string VolunteerName { get; private set; } = "";

    public DateTime StartsAt { get; private set; }

    public DateTime EndsAt { get; private set; }

    public SignupStatus Status { get; private set; }

    /// <summary>The place held while booked (1..capacity); none while waiting or cancelled.</summary>
    public int? Place { get; private set; }

    /// <summary>Order on the waitlist: lower goes first.</summary>
    public long QueueNumber { get; private set; }

    public DateTime SignedUpAt { get; private set; }

    public DateTime? CheckInAt { get; private set; }

    public DateTime? CheckOutAt { get; private set; }

    public int? ConfirmedMinutes { get; private set; }

    /// <summary>Meals the volunteer carried to elders' homes on this shift, as the coordinator confirmed (for the honour board).</summary>
    public int? MealsDelivered { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTime? ConfirmedAt { get; private set; }

    /// <summary>The time-bank transaction that paid the confirmed hours.</summary>
    public Guid? CreditTransactionId { get; private set; }

    public const int MaxMealsPerShift = 300;

    public bool IsActive => Status != SignupStatus.Cancelled;

    /// <summary>Books a place, or puts the sign-up at the end of the waitlist (a new sign-up or one renewed after cancelling).</summary>
    public void Requeue(int? place, long queueNumber)
    {
        Status = place is null ? SignupStatus.Waitlisted : SignupStatus.Booked;
        Place = place;
        QueueNumber = queueNumber;
    }

    /// <summary>Moves a waiting sign-up into a freed place.</summary>
    public void Promote(int place)
    {
        if (Status != SignupStatus.Waitlisted)
        {
            throw new InvalidOperationException("Only a waitlisted sign-up can be promoted.");
        }

        Status = SignupStatus.Booked;
        Place = place;
    }

    /// <summary>Cancels the sign-up and frees its place; returns the place freed, if any. Refused once the volunteer has checked in.</summary>
    public int? Cancel()
    {
        if (!IsActive)
        {
            throw DomainException.Conflict("Signup.AlreadyCancelled");
        }

        if (CheckInAt is not null)
        {
            throw DomainException.Conflict("Signup.AlreadyCheckedIn");
        }

        var freed = Place;
        Status = SignupStatus.Cancelled;
        Place = null;
        return freed;
    }

    public void CheckIn(DateTime now)
    {
        if (Status != SignupStatus.Booked)
        {
            throw DomainException.Conflict("Signup.NotBooked");
        }

        if (CheckInAt is not null)
        {
            throw DomainException.Conflict("Signup.AlreadyCheckedIn");
        }

        if (now < StartsAt - Shift.EarlyCheckIn || now > EndsAt)
        {
            throw DomainException.Conflict("Signup.OutsideShift");
        }

        CheckInAt = now;
    }

    public void CheckOut(DateTime now)
    {
        if (CheckInAt is null)
        {
            throw DomainException.Conflict("Signup.NotCheckedIn");
        }

        if (CheckOutAt is not null)
        {
            throw DomainException.Conflict("Signup.AlreadyCheckedOut");
        }

        CheckOutAt = now < CheckInAt ? CheckInAt : now;
    }

    /// <summary>The minutes worked by the clock: from check-in (not before the start) to check-out (not after the end).</summary>
    public int ClockedMinutes()
    {
        if (CheckInAt is not { } from || CheckOutAt is not { } to)
        {
            return 0;
        }

        var start = from < StartsAt ? StartsAt : from;
        var end = to > EndsAt ? EndsAt : to;
        return end <= start ? 0 : (int)Math.Round((end - start).TotalMinutes);
    }

    /// <summary>
    /// The coordinator confirms attendance: the minutes to credit (the clocked minutes when not given; never more than
    /// the shift lasts) and the meals delivered, if any (0..<see cref="MaxMealsPerShift"/>). Attendance is confirmed
    /// once; only a checked-out sign-up can be confirmed.
    /// </summary>
    public int Confirm(int? minutes, int? mealsDelivered, string by, DateTime now)
    {
        if (ConfirmedAt is not null)
        {
            throw DomainException.Conflict("Signup.AlreadyConfirmed");
        }

        if (Status != SignupStatus.Booked || CheckOutAt is null)
        {
            throw DomainException.Conflict("Signup.NotAttended");
        }

        var longest = (int)Math.Round((EndsAt - StartsAt).TotalMinutes);
        var confirmed = minutes ?? ClockedMinutes();
        if (confirmed < 0 || confirmed > longest)
        {
            throw new DomainException("Signup.Minutes", ErrorKind.Validation, "minutes", longest);
        }

        if (mealsDelivered is < 0 or > MaxMealsPerShift)
        {
            throw new DomainException("Signup.Meals", ErrorKind.Validation, "mealsDelivered", MaxMealsPerShift);
        }

        ConfirmedMinutes = confirmed;
        MealsDelivered = mealsDelivered is 0 ? null : mealsDelivered;
        ConfirmedBy = by;
        ConfirmedAt = now;
        return confirmed;
    }

    public void Credited(Guid transactionId) => CreditTransactionId = transactionId;
}
