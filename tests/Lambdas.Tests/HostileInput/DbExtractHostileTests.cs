using System.Data.Common;
using System.Globalization;
using System.Numerics;
using System.Text.Json;
using DbExtract;
using Lambdas.Tests.DbExtract;
using Lambdas.Tests.Support;
using Pipelines.Declarations.Functions;

namespace Lambdas.Tests.HostileInput;

/// <summary>
/// The extract against real MariaDB and PostgreSQL tables of hostile values — the shared generator's strings, numbers past
/// every limit, NaN and infinities, dates before year 1 or after 9999, MySQL's zero dates, raw bytes, NULLs. The oracle is
/// the database's own text of each value: every row lands exactly once, either in bronze with each value equal to the
/// database's, or — only when some value has no faithful JSON form — in the quarantine with its key and reason; rows read =
/// written + quarantined.
/// </summary>
public sealed class DbExtractHostileTests(SourceDatabases sources) : IClassFixture<SourceDatabases>
{
    private const int Rows = 300;
    private static readonly string[] Columns = ["t", "n", "d", "dt", "ts", "b", "bin"];

    public static TheoryData<string> Engines => new() { SourceEngine.MySql.Name, SourceEngine.PostgreSql.Name };

    private static Dictionary<string, string[]> Literals(bool postgres) => postgres
        ? new()
        {
            ["d"] = ["'NaN'", "'Infinity'", "'-Infinity'", "5e-324", "1.7976931348623157e308", "-0.0", "0.1"],
            ["dt"] = ["'infinity'", "'-infinity'", "'0001-01-01'", "'9999-12-31'", "'4713-01-01 BC'", "'5874897-12-31'", "'2026-02-28'"],
            ["ts"] = ["'infinity'", "'-infinity'", "'0001-01-01 00:00:00'", "'294276-12-31 23:59:59'", "'2026-01-01 10:00:00.123456'", "'1999-12-31 23:59:59.999999'"],
            ["b"] = ["true", "false"],
        }
        : new()
        {
            ["d"] = ["5e-324", "1.7976931348623157e308", "-0.0", "0.1"],
            ["dt"] = ["'0000-00-00'", "'1000-01-01'", "'9999-12-31'", "'2026-02-00'", "'2026-02-28'"],
            ["ts"] = ["'0000-00-00 00:00:00'", "'1000-01-01 00:00:00'", "'9999-12-31 23:59:59.999999'", "'2026-01-01 10:00:00.5'"],
            ["b"] = ["0", "1"],
        };

    [Theory]
    [MemberData(nameof(Engines))]
    public async Task Every_row_lands_once_with_the_databases_values_or_is_quarantined_because_one_has_no_faithful_form(string engine)
    {
        var postgres = engine == SourceEngine.PostgreSql.Name;
        var connect = sources.NewDatabase(engine, load: false);
        await using (var connection = await connect(CancellationToken.None))
        {
            await ExecuteAsync(connection, postgres
                ? "CREATE TABLE hostile (id bigint PRIMARY KEY, t text, n numeric, d double precision, dt date, ts timestamp, b boolean, bin bytea)"
                : "CREATE TABLE hostile (id BIGINT PRIMARY KEY, t LONGTEXT, n DECIMAL(65,30), d DOUBLE, dt DATE, ts DATETIME(6), b BOOLEAN, bin LONGBLOB) CHARACTER SET utf8mb4; SET SESSION sql_mode = ''");
            await InsertAsync(connection, new Hostile(postgres ? 1 : 2), Literals(postgres));
        }
        var rig = new DbExtractRig(connect, SourceEngine.Named(engine), [new TableSetting("hostile", ExtractMode.Full, null)], chunkRows: 37);

        var result = await rig.RunAsync();

        var run = Assert.Single(result.Runs);
        Assert.True(run.Complete);
        Assert.Equal(Rows, run.RunRows + run.Quarantined);
        var written = rig.Rows("hostile").ToDictionary(row => row.GetProperty("id").GetInt64());
        var quarantined = rig.Store.AllLines($"{DbExtractRig.Bucket}/{DbExtractContract.DefaultQuarantinePrefix}/hostile/")
            .Select(line => JsonDocument.Parse(line).RootElement).ToDictionary(entry => long.Parse(entry.GetProperty("key").GetProperty("id").GetString()!, CultureInfo.InvariantCulture));
        Assert.Equal(run.Quarantined, rig.Manifests("hostile").Single().Quarantined);
        Assert.Equal(run.Quarantined, quarantined.Count);
        await using var check = await connect(CancellationToken.None);
        await using var command = check.CreateCommand();
        command.CommandText = postgres
            ? "SELECT id, t, n::text, d::text, dt::text, ts::text, b::text, encode(bin, 'hex') FROM hostile ORDER BY id"
            : "SELECT id, t, CAST(n AS CHAR), CAST(d AS CHAR), CAST(dt AS CHAR), CAST(ts AS CHAR), CAST(b AS CHAR), HEX(bin) FROM hostile ORDER BY id";
        await using var reader = await command.ExecuteReaderAsync();
        var seen = 0;
        while (await reader.ReadAsync())
        {
            seen++;
            var id = reader.GetInt64(0);
            var source = Columns.Select((column, i) => (column, text: reader.IsDBNull(i + 1) ? null : reader.GetString(i + 1))).ToList();
            var faithful = source.All(value => value.text is null || Faithful(value.column, value.text));
            Assert.True(written.ContainsKey(id) ^ quarantined.ContainsKey(id), $"row {id} is in bronze and the quarantine, or in neither");
            if (quarantined.TryGetValue(id, out var entry))
            {
                Assert.False(faithful, $"row {id} was quarantined ({entry.GetProperty("reason")}) though every value has a faithful form: {string.Join(", ", source)}");
                var column = entry.GetProperty("column").GetString();
                Assert.NotNull(source.Single(value => value.column == column).text);
                Assert.False(string.IsNullOrWhiteSpace(entry.GetProperty("reason").GetString()));
                continue;
            }
            foreach (var (column, text) in source)
            {
                var value = written[id].GetProperty(column);
                Assert.True(text is null ? value.ValueKind == JsonValueKind.Null : Faithful(column, text) && Same(column, text, value),
                    $"row {id}, {column}: the database holds {text}, bronze {value.GetRawText()}");
            }
        }
        Assert.Equal(Rows, seen);
    }

    /// <summary>Each row sets one to three columns to hostile values; a value the database refuses leaves the row with its key only.</summary>
    private static async Task InsertAsync(DbConnection connection, Hostile hostile, Dictionary<string, string[]> literals)
    {
        for (var id = 1; id <= Rows; id++)
        {
            var chosen = Columns.Where(_ => hostile.Chance(0.3)).ToList();
            await using var command = connection.CreateCommand();
            var values = new List<string>();
            foreach (var column in chosen)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = $"@{column}";
                switch (column)
                {
                    case "t":
                        parameter.Value = Text(hostile.StringLiteral()) ?? "plain";
                        break;
                    case "n":
                        parameter.Value = hostile.NumberLiteral();
                        values.Add($"CAST(@{column} AS {(connection is Npgsql.NpgsqlConnection ? "numeric" : "DECIMAL(65,30)")})");
                        command.Parameters.Add(parameter);
                        continue;
                    case "bin":
                        parameter.Value = Enumerable.Range(0, hostile.Next(40)).Select(_ => (byte)hostile.Next(256)).ToArray();
                        break;
                    default:
                        values.Add(hostile.Pick(literals[column]));
                        continue;
                }
                values.Add($"@{column}");
                command.Parameters.Add(parameter);
            }
            command.CommandText = $"INSERT INTO hostile (id{string.Concat(chosen.Select(c => $", {c}"))}) VALUES ({id}{string.Concat(values.Select(v => $", {v}"))})";
            try
            {
                await command.ExecuteNonQueryAsync();
            }
            catch (Exception e) when (e is DbException or ArgumentException or InvalidCastException or System.Text.EncoderFallbackException)
            {
                await ExecuteAsync(connection, $"INSERT INTO hostile (id) VALUES ({id})");
            }
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static string? Text(string literal)
    {
        try
        {
            return JsonSerializer.Deserialize<string>(literal);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Whether the database's text of a value has a form JSON and the silver types can carry without change.</summary>
    private static bool Faithful(string column, string text) => column switch
    {
        "n" => Decimal(text) is not null,
        "d" => double.IsFinite(double.Parse(text, CultureInfo.InvariantCulture)),
        "dt" => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        "ts" => DateTime.TryParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFF"], CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true,
    };

    private static bool Same(string column, string text, JsonElement value) => column switch
    {
        "t" => value.GetString() == text,
        "n" => Decimal(value.GetRawText()) == Decimal(text),
        "d" => value.GetDouble().Equals(double.Parse(text, CultureInfo.InvariantCulture)),
        "dt" => value.GetString() == text,
        "ts" => DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) == DateTime.Parse(text, CultureInfo.InvariantCulture),
        "b" => value.GetBoolean() == text is "true" or "1",
        _ => Convert.ToHexString(value.GetBytesFromBase64()) == text.ToUpperInvariant(),
    };

    /// <summary>An exact decimal number as (mantissa, exponent) with no trailing zeros in the mantissa; null for NaN and the infinities.</summary>
    private static (BigInteger Mantissa, int Exponent)? Decimal(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, @"^(-?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$");
        if (!match.Success || match.Groups[2].Length + match.Groups[3].Length == 0)
        {
            return null;
        }
        var mantissa = BigInteger.Parse(match.Groups[2].Value + match.Groups[3].Value is { Length: > 0 } digits ? digits : "0", CultureInfo.InvariantCulture);
        var exponent = (match.Groups[4].Success ? int.Parse(match.Groups[4].Value, CultureInfo.InvariantCulture) : 0) - match.Groups[3].Length;
        while (!mantissa.IsZero && mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        return (match.Groups[1].Length > 0 ? -mantissa : mantissa, mantissa.IsZero ? 0 : exponent);
    }
}
