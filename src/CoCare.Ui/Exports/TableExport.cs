using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;

namespace CoCare.Ui.Exports;

/// <summary>
/// A column of an exported table: its heading (in the reader's language) and how a row gives its cell — text, or a
/// number (money in yuan as a decimal) so that a spreadsheet can add it up. Dates and times are given as text in
/// Beijing time (<see cref="Format"/>).
/// </summary>
public sealed record ExportColumn<T>(string Heading, Func<T, object?> Cell);

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
                csv.WriteField(Text(column.Cell(row)));
            }

            await csv.NextRecordAsync();
            if (++written % 5_000 == 0)
            {
                await csv.FlushAsync();
            }
        }
    }

    private static Dictionary<string, object?> Cells<T>(IReadOnlyList<ExportColumn<T>> columns, T row)
    {
        var cells = new Dictionary<string, object?>(columns.Count, StringComparer.Ordinal);
        foreach (var column in columns)
        {
            cells[column.Heading] = column.Cell(row);
        }

        return cells;
    }

    /// <summary>The current row, then each next one, waiting for each (called on a worker thread only).</summary>
    private static IEnumerable<T> Blocking<T>(IAsyncEnumerator<T> started)
    {
        yield return started.Current;
        while (started.MoveNextAsync().AsTask().GetAwaiter().GetResult())
        {
            yield return started.Current;
        }
    }

    /// <summary>Money as a number of yuan (two decimals), for a cell.</summary>
    public static decimal Yuan(long fen) => fen / 100m;

    private static string Text(object? value) => value switch
    {
        null => "",
        string text => text,
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>The XLSX in a temporary file that is deleted when the returned stream is closed.</summary>
    public static async Task<Stream> XlsxAsync<T>(string sheetName, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var path = Path.Combine(Path.GetTempPath(), "cocare-export-" + Guid.NewGuid().ToString("N") + ".xlsx");
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            // MiniExcel reads rows synchronously: it gets a blocking view of the async rows, on a worker thread. It takes
            // the headings from the first row, so an empty list is written as its heading row alone.
            var enumerator = rows.GetAsyncEnumerator(ct);
            try
            {
                if (await enumerator.MoveNextAsync())
                {
                    await Task.Run(() => file.SaveAs(Blocking(enumerator).Select(row => Cells(columns, row)), sheetName: sheetName, excelType: ExcelType.XLSX), ct);
                }
                else
                {
                    var headings = columns.ToDictionary(c => c.Heading, c => (object?)c.Heading, StringComparer.Ordinal);
                    await Task.Run(() => file.SaveAs(new[] { headings }, printHeader: false, sheetName: sheetName, excelType: ExcelType.XLSX), ct);
                }
            }
            finally
            {
                await enumerator.DisposeAsync();
            }

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
