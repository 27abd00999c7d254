using System.Text;
using CoCare.Kernel;
using MiniExcelLibs;
using MiniExcelLibs.Csv;

namespace CoCare.Residents.Features.Import;

/// <summary>One data row of a roster: its row number in the file (the header is row 1) and its cells by header.</summary>
public sealed record RosterRow(int RowNumber, IReadOnlyDictionary<string, string> Cells);

/// <summary>
/// Reads a roster spreadsheet (CSV or XLSX) into rows of text. CSV files may be UTF-8 (with or without BOM),
/// UTF-16 with BOM, or GBK/GB18030 as Chinese Excel saves them: bytes that are not valid UTF-8 are read as GB18030.
/// </summary>
public static class RosterFile
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static RosterFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) => Kind(fileName) is not null;

    /// <summary>The header cells and a lazy sequence of rows; blank rows are skipped.</summary>
    public static (IReadOnlyList<string> Headers, IEnumerable<RosterRow> Rows) Read(byte[] content, string fileName)
    {
        ArgumentNullException.ThrowIfNull(content);
        var kind = Kind(fileName) ?? throw new DomainException("Import.FileType", ErrorKind.Validation, "file");
        IConfiguration? configuration = null;
        if (kind == ExcelType.CSV)
        {
            var encoding = DetectEncoding(content);
            configuration = new CsvConfiguration { StreamReaderFunc = stream => new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: true) };
        }
        else if (content.Length < 4 || content[0] != 'P' || content[1] != 'K')
        {
            // An .xlsx file is a zip archive; anything else renamed to .xlsx is refused before a parser sees it.
            throw new DomainException("Import.Unreadable", ErrorKind.Validation, "file");
        }

        List<string> headers;
        try
        {
            using var probe = new MemoryStream(content, writable: false);
            var first = MiniExcel.Query(probe, useHeaderRow: false, excelType: kind, configuration: configuration).FirstOrDefault() as IDictionary<string, object?>;
            headers = first is null ? [] : first.Values.Select(Text).ToList();
        }
        catch (Exception e) when (e is InvalidDataException or IOException or InvalidOperationException or FormatException or System.Xml.XmlException or NotSupportedException)
        {
            throw new DomainException("Import.Unreadable", ErrorKind.Validation, "file");
        }

        while (headers.Count > 0 && headers[^1].Length == 0)
        {
            headers.RemoveAt(headers.Count - 1);
        }

        if (headers.Count == 0)
        {
            throw new DomainException("Import.Empty", ErrorKind.Validation, "file");
        }

        return (headers, Rows(content, kind, configuration, headers));
    }

    /// <summary>UTF-8 when the bytes are valid UTF-8 (or a BOM says so), otherwise GB18030, the superset of GBK.</summary>
    public static Encoding DetectEncoding(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return Encoding.UTF8;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return Encoding.Unicode;
        }

        if (content.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return Encoding.BigEndianUnicode;
        }

        try
        {
            _ = StrictUtf8.GetCharCount(content);
            return Encoding.UTF8;
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static IEnumerable<RosterRow> Rows(byte[] content, ExcelType kind, IConfiguration? configuration, List<string> headers)
    {
        using var stream = new MemoryStream(content, writable: false);
        var rowNumber = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: kind, configuration: configuration))
        {
            rowNumber++;
            if (rowNumber == 1)
            {
                continue;
            }

            var cells = new Dictionary<string, string>(headers.Count, StringComparer.Ordinal);
            var i = 0;
            var blank = true;
            foreach (var value in row.Values)
            {
                if (i < headers.Count && headers[i].Length > 0)
                {
                    var text = Text(value);
                    cells[headers[i]] = text;
                    blank &= text.Length == 0;
                }

                i++;
            }

            if (!blank)
            {
                yield return new RosterRow(rowNumber, cells);
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        double n => n.ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture).Trim(),
        _ => value.ToString()?.Trim() ?? "",
    };

    private static ExcelType? Kind(string fileName) => Path.GetExtension(fileName).ToUpperInvariant() switch
    {
        ".CSV" => ExcelType.CSV,
        ".XLSX" => ExcelType.XLSX,
        _ => null,
    };
}
