using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace CoCare.Insights.Features.Exports;

/// <summary>A column of an exported table: its heading (in the reader's language) and how a row gives its cell.</summary>
public sealed record ExportColumn<T>(string Heading, Func<T, string?> Cell);

/// <summary>
/// Writes a list as CSV (UTF-8 with BOM, so Excel opens Chinese correctly) or XLSX, reading the rows as they come: a
/// CSV streams to the response; an XLSX is assembled in a temporary file (the format needs its size at the end) and then
/// streamed, so neither holds the whole list in memory.
/// </summary>
public static class TableExport
{
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static async Task WriteCsvAsync<T>(Stream output, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 64 * 1024, leaveOpen: true);
        await using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var column in columns)
        {
            csv.WriteField(column.Heading);
        }

        await csv.NextRecordAsync();
        var written = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            foreach (var column in columns)
            {
                csv.WriteField(column.Cell(row) ?? "");
            }

            await csv.NextRecordAsync();
            if (++written % 5_000 == 0)
            {
                await csv.FlushAsync();
            }
        }
    }

    /// <summary>The XLSX in a temporary file that is deleted when the returned stream is closed.</summary>
    public static async Task<Stream> XlsxAsync<T>(string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var path = Path.Combine(Path.GetTempPath(), "cocare-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            // MiniExcel reads rows synchronously: give it a blocking view of the async rows on a worker thread.
            var table = rows.ToBlockingEnumerable(ct).Select(row =>
            {
                var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
                foreach (var column in columns)
                {
                    cells[column.Heading] = column.Cell(row);
                }

                return cells;
            });
            await Task.Run(() => file.SaveAs(table, sheetName: sheetName, excelType: ExcelType.XLSX), ct);
            file.Position = 0;
            return file;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }
    }
}
