using System.Data.Common;
using System.Globalization;

namespace Academy.Xapi.Statements;

/// Parameterised commands for the reader (raw ADO.NET: EF's materialisation would cost more than the reads).
internal sealed class Sql(DbConnection connection, DbTransaction? transaction)
{
    public DbCommand Command(string text, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    public async Task<int> ExecuteAsync(string text, params (string, object?)[] parameters)
    {
        await using var command = Command(text, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string text, params (string, object?)[] parameters)
    {
        await using var command = Command(text, parameters);
        var value = await command.ExecuteScalarAsync();
        if (value is null || value is DBNull) return default!;
        var type = Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T);
        return (T)Convert.ChangeType(value, type, CultureInfo.InvariantCulture);
    }
}
