using CoCare.Kernel;

namespace CoCare.Residents.Domain;

public enum LivingSituation
{
    Alone,
    WithSpouse,
    WithChildren,
    LeftBehind,
}

/// <summary>Categories an elder may belong to (高龄 80+ is computed from the birth date, not stored).</summary>
public enum ElderCategory
{
    SubsistenceAllowance,
    ExtremePoverty,
    NearPoverty,
    LivingAlone,
    EmptyNest,
    LeftBehind,
    Disabled,
    FamilyPlanningSpecial,
}

public enum ConsentScope
{
    BasicData,
    HealthData,
    Photos,
}

/// <summary>A family member to call (家属联系人): name, relation and phone; kept encrypted with the elder's other contact data.</summary>
public sealed record FamilyContact(string Name, string Relation, string Phone);

/// <summary>A consent given or withdrawn: what, when, who recorded it, and on whose behalf it was given.</summary>
public sealed record ConsentRecord(ConsentScope Scope, bool Given, DateTime At, string RecordedBy, string? GivenBy);

/// <summary>
/// An older person's record (老年人档案). The ID number, phone and address are held encrypted (the ciphertext
/// is opaque to this class) with masked copies for lists; the ID number's blind index finds duplicates.
/// </summary>
public sealed class Elder : Entity
{
    private Elder()
    {
    }

    public Elder(string villageCode, DateTime createdAt)
    {
        VillageCode = villageCode;
        CreatedAt = createdAt;
        ServiceCardNumber = ServiceCard.NewNumber();
        CardConfirmationCode = ServiceCard.NewConfirmationCode();
    }

    /// <summary>The service card's number (null for elders recorded before cards were issued).</summary>
    public string? ServiceCardNumber { get; private set; }

    /// <summary>The 4-digit code printed on the card that confirms a home service.</summary>
    public string? CardConfirmationCode { get; private set; }

    public string Name { get; private set; } = "";

    public Gender Gender { get; private set; }

    public DateOnly BirthDate { get; private set; }

    public string IdNumberCipher { get; private set; } = "";

    public string IdNumberIndex { get; private set; } = "";

    public string IdNumberMasked { get; private set; } = "";

    public string? PhoneCipher { get; private set; }

    public string? PhoneMasked { get; private set; }

    public string? AddressCipher { get; private set; }

    public string? AddressMasked { get; private set; }

    public string VillageCode { get; private set; } = "";

    /// <summary>The family contacts as encrypted JSON.</summary>
    public string? FamilyContactsCipher { get; private set; }

    /// <summary>What lists may show of the family contacts: name, relation, masked phone.</summary>
    public List<FamilyContact> FamilyContactsMasked { get; private set; } = [];

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public LivingSituation LivingSituation { get; private set; }

    public List<ElderCategory> Categories { get; private set; } = [];

    public List<ConsentRecord> Consents { get; private set; } = [];

    public CapabilityLevel? CurrentLevel { get; private set; }

    public DateOnly? NextAssessmentDue { get; private set; }

    public bool IsActive { get; private set; } = true;

    public DateTime CreatedAt { get; private set; }

    public void SetIdentity(string name, Gender gender, DateOnly birthDate, string idCipher, string idIndex, string idMasked)
    {
        Name = name;
        Gender = gender;
        BirthDate = birthDate;
        IdNumberCipher = idCipher;
        IdNumberIndex = idIndex;
        IdNumberMasked = idMasked;
    }

    public void SetContact(string? phoneCipher, string? phoneMasked, string? addressCipher, string? addressMasked, string villageCode, double? latitude, double? longitude)
    {
        PhoneCipher = phoneCipher;
        PhoneMasked = phoneMasked;
        AddressCipher = addressCipher;
        AddressMasked = addressMasked;
        VillageCode = villageCode;
        Latitude = latitude;
        Longitude = longitude;
    }

    public void SetFamilyContacts(string? cipher, IEnumerable<FamilyContact> masked)
    {
        FamilyContactsCipher = cipher;
        FamilyContactsMasked = [.. masked];
    }

    public void SetSituation(LivingSituation living, IEnumerable<ElderCategory> categories)
    {
        LivingSituation = living;
        Categories = [.. categories.Distinct().Order()];
    }

    /// <summary>Whether health data (assessments, capability level) may be shown: the latest health-data consent gives it.</summary>
    public bool HealthDataConsented { get; private set; }

    public void RecordConsent(ConsentRecord consent)
    {
        ArgumentNullException.ThrowIfNull(consent);
        Consents.Add(consent);
        HealthDataConsented = HasConsent(ConsentScope.HealthData);
    }

    /// <summary>The latest word on a scope (records are only ever appended): consent counts only while the newest record gives it.</summary>
    public bool HasConsent(ConsentScope scope) => Consents.LastOrDefault(c => c.Scope == scope)?.Given == true;

    public void Assessed(CapabilityLevel level, DateOnly nextDue)
    {
        CurrentLevel = level;
        NextAssessmentDue = nextDue;
    }

    /// <summary>Issues a new service card (a lost card): the old number and code stop working.</summary>
    public void IssueCard() => (ServiceCardNumber, CardConfirmationCode) = (ServiceCard.NewNumber(), ServiceCard.NewConfirmationCode());

    public int AgeOn(DateOnly day) => Age.On(BirthDate, day);

    /// <summary>高龄: 80 or older.</summary>
    public bool IsAdvancedAge(DateOnly day) => AgeOn(day) >= 80;
}

/// <summary>One capability assessment of an elder by two assessors.</summary>
public sealed class Assessment : Entity
{
    private Assessment()
    {
    }

    public Assessment(Guid elderId, DateOnly date, string assessorA, string assessorB, Dictionary<string, int> scores, CapabilityConditions conditions, CapabilityResult result, string recordedBy)
    {
        ElderId = elderId;
        Date = date;
        AssessorA = assessorA;
        AssessorB = assessorB;
        Scores = scores;
        Conditions = conditions;
        Total = result.Total;
        LevelFromTotal = result.LevelFromTotal;
        Level = result.Level;
        Adjustment = result.Adjustment;
        NextDue = date.AddMonths(6);
        RecordedBy = recordedBy;
    }

    public Guid ElderId { get; private set; }

    public DateOnly Date { get; private set; }

    public string AssessorA { get; private set; } = "";

    public string AssessorB { get; private set; } = "";

    public Dictionary<string, int> Scores { get; private set; } = [];

    public CapabilityConditions Conditions { get; private set; } = new(false, false, false, 0);

    public int Total { get; private set; }

    public CapabilityLevel LevelFromTotal { get; private set; }

    public CapabilityLevel Level { get; private set; }

    public string? Adjustment { get; private set; }

    public DateOnly NextDue { get; private set; }

    public string RecordedBy { get; private set; } = "";
}
