using System.Data.Common;

namespace DbExtract;

/// <summary>Reads a table's columns and primary key from the source's catalog, as a user who may only read the table sees them.</summary>
public static class SourceCatalog
{
    public static async Task<(List<SourceColumn> Columns, List<string> Key)> DescribeAsync(DbConnection connection, SourceEngine engine, string table, CancellationToken cancellationToken)
    {
        var columns = new List<SourceColumn>();
        await using (var command = Command(connection,
            $"SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = {engine.CurrentSchema} AND table_name = @p0 ORDER BY ordinal_position", table))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                columns.Add(new SourceColumn(reader.GetString(0), reader.GetString(1)));
            }
        }
        if (columns.Count == 0)
        {
            throw new InvalidOperationException($"table {table} does not exist in database {connection.Database}");
        }
        var key = new List<string>();
        await using (var command = Command(connection, engine.PrimaryKeyQuery, table))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                key.Add(reader.GetString(0));
            }
        }
        if (key.Count == 0)
        {
            throw new InvalidOperationException($"table {table} has no primary key: extraction orders and resumes by it");
        }
        return (columns, key);
    }

    /// <summary>A command whose parameters are named @p0, @p1, … in order.</summary>
    public static DbCommand Command(DbConnection connection, string sql, params object[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        for (var i = 0; i < parameters.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            parameter.Value = parameters[i];
            command.Parameters.Add(parameter);
        }
        return command;
    }
}
