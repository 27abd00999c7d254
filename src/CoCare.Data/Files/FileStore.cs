using Microsoft.Extensions.Configuration;

namespace CoCare.Data.Files;

/// <summary>
/// Uploaded files on disk under Files:Root (default ./data/files), each under a generated name so a
/// file name from a user never becomes a path. Back it up with the database.
/// </summary>
public sealed class FileStore(IConfiguration configuration)
{
    private readonly string root = Path.GetFullPath(configuration["Files:Root"] is { Length: > 0 } r ? r : Path.Combine("data", "files"));

    /// <summary>Copies at most <paramref name="maxBytes"/> bytes to a new file; returns its stored name and size, or null when it is larger.</summary>
    public async Task<(string StoredName, long Size)?> SaveAsync(Stream content, long maxBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Directory.CreateDirectory(root);
        var name = Guid.CreateVersion7().ToString("N");
        var path = Path.Combine(root, name);
        long size = 0;
        await using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, ct)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    break;
                }

                await file.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }

        if (size > maxBytes)
        {
            File.Delete(path);
            return null;
        }

        return (name, size);
    }

    public Stream Open(string storedName)
    {
        if (storedName.Length != 32 || !storedName.All(char.IsAsciiHexDigit))
        {
            throw new ArgumentException("Not a stored file name.", nameof(storedName));
        }

        return new FileStream(Path.Combine(root, storedName), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    public void Delete(string storedName) => File.Delete(Path.Combine(root, storedName));
}
