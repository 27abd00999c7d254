using CoCare.Kernel;

namespace CoCare.Evaluation.Domain;

/// <summary>A file the evaluator attaches to an indicator's score (a site photo, a checked ledger page, a survey sheet).</summary>
public sealed class ScoreAttachment : Entity
{
    private ScoreAttachment()
    {
    }

    public ScoreAttachment(Guid evaluationId, string code, string fileName, string contentType, string storedName, long sizeBytes, string by, DateTime now) =>
        (EvaluationId, Code, FileName, ContentType, StoredName, SizeBytes, UploadedBy, UploadedAt) = (evaluationId, code, fileName, contentType, storedName, sizeBytes, by, now);

    public Guid EvaluationId { get; private set; }

    /// <summary>The indicator the file supports.</summary>
    public string Code { get; private set; } = "";

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public string StoredName { get; private set; } = "";

    public long SizeBytes { get; private set; }

    public string UploadedBy { get; private set; } = "";

    public DateTime UploadedAt { get; private set; }
}
