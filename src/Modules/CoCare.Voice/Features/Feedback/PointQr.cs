using CoCare.Kernel;
using QRCoder;

namespace CoCare.Voice.Features.Feedback;

/// <summary>
/// The QR code printed at a service point: it opens the public feedback form with the point filled in. The address is
/// <c>Voice:PublicBaseUrl</c> when set (the address people reach from outside), else the one the request came to.
/// </summary>
public sealed class PointQr(IServiceFacts services, CurrentActor actor, Microsoft.Extensions.Configuration.IConfiguration configuration)
{
    public async Task<string> SvgAsync(Guid pointId, string requestBaseUrl, CancellationToken ct)
    {
        if (!Staff.Can(actor))
        {
            throw DomainException.Forbidden("Feedback.StaffOnly");
        }

        var point = await services.PointAsync(pointId, ct) ?? throw DomainException.NotFound("Feedback.Point");
        var baseUrl = (configuration["Voice:PublicBaseUrl"] is { Length: > 0 } configured ? configured : requestBaseUrl).TrimEnd('/');
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode($"{baseUrl}/public/feedback?point={point.Id:D}", QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(8);
    }
}
