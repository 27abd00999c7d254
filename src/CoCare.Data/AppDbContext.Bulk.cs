using System.Data.Common;
using System.Globalization;
using System.Text;
using CoCare.Data.Audit;
using CoCare.Kernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace CoCare.Data;

public sealed partial class AppDbContext
{
    /// <summary>
    /// Inserts many new entities of one type without the change tracker (a roster import), using the model's own
    /// column mapping and value conversions, and appends one <c>BulkInsert</c> audit entry naming every key, in one
    /// transaction. Personal columns are never copied into the log.
    /// </summary>
    public async Task BulkInsertAsync<T>(IReadOnlyList<T> entities, CancellationToken cancellationToken = default)
        where T : Entity
    {
        ArgumentNullException.ThrowIfNull(entities);
        if (entities.Count == 0)
        {
            return;
        }

        var entityType = Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToList();
        var sql = this.GetService<ISqlGenerationHelper>();
        var head = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) VALUES ";

        var entry = new AuditEntry
        {
            Time = AuditChain.TruncateToMicroseconds(clock.GetUtcNow().UtcDateTime),
            AccountId = actor.AccountId,
            UserName = actor.UserName,
            OrganizationId = actor.PrimaryOrganizationId,
            EntityType = typeof(T).Name,
            EntityKey = entities.Count.ToString(CultureInfo.InvariantCulture),
            Action = "BulkInsert",
            Changes = System.Text.Json.JsonSerializer.Serialize(new { keys = entities.Select(e => e.Id) }),
        };

        await AppendAsync([entry], async transaction =>
        {
            // One prepared single-row INSERT run once per entity: SQLite binds parameters by name, so one statement
            // with thousands of them would be slower, and a prepared statement with fresh values is its fastest path.
            await using var command = transaction.Connection!.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = head + "(" + string.Join(", ", columns.Select((_, i) => "@" + ParameterName(i))) + ")";
            for (var c = 0; c < columns.Count; c++)
            {
                command.Parameters.Add(columns[c].GetRelationalTypeMapping().CreateParameter(command, ParameterName(c), null, nullable: true));
            }

            foreach (var entity in entities)
            {
                for (var c = 0; c < columns.Count; c++)
                {
                    command.Parameters[c].Value = ProviderValue(columns[c], columns[c].GetGetter().GetClrValue(entity));
                }

                await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }, cancellationToken);
    }

    /// <summary>The value as the column stores it, through the model's converter (enums as text, JSON columns, UTC times).</summary>
    private static object ProviderValue(IProperty property, object? value)
    {
        var converter = property.GetTypeMapping().Converter;
        return (value is null ? null : converter is null ? value : converter.ConvertToProvider(value)) ?? DBNull.Value;
    }

    private static string ParameterName(int index) => "p" + index.ToString(CultureInfo.InvariantCulture);
}
