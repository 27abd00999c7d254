using Microsoft.AspNetCore.Http.Features;

namespace CoCare.Web.Infrastructure;

/// <summary>
/// Refuses API bodies over Api:MaxRequestBodyBytes with 413 before reading them (by Content-Length, and by
/// the server's own limit for chunked bodies). Endpoints that take uploads raise their own limit.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, long maxBytes)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            // An endpoint that takes uploads declares its own limit ([RequestSizeLimit]).
            var limitBytes = context.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.Http.Metadata.IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? maxBytes;
            if (context.Request.ContentLength > limitBytes)
            {
                throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = limitBytes;
            }
        }

        return next(context);
    }
}
