using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CoCare.Web.Infrastructure;

/// <summary>Tells API clients (and the browsable API page) to send "Authorization: Bearer TOKEN".</summary>
internal sealed class BearerSecurityScheme : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "POST /api/v1/auth/login, then send the accessToken.",
        };
        return Task.CompletedTask;
    }
}
