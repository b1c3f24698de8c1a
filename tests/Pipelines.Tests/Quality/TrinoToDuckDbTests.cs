using Pipelines.Declarations.Sql;

namespace Pipelines.Tests.Quality;

public sealed class TrinoToDuckDbTests
{
    [Fact]
    public void Renames_functions_whose_meaning_is_the_same()
    {
        Assert.Equal("SELECT approx_count_distinct(x), len(arr), regexp_matches(s, 'a') FROM t CROSS JOIN UNNEST(generate_series(0, 3)) AS s(n)",
            TrinoToDuckDb.Translate("SELECT approx_distinct(x), cardinality(arr), regexp_like(s, 'a') FROM t CROSS JOIN UNNEST(sequence(0, 3)) AS s(n)"));
    }

    [Theory]
    [InlineData("SELECT element_at(m, 'k') FROM t", "element_at")]
    [InlineData("SELECT date_format(ts, '%Y-%m') FROM t", "date_format")]
    [InlineData("SELECT from_iso8601_timestamp(s) FROM t", "from_iso8601_timestamp")]
    [InlineData("SELECT DATE_ADD('day', 1, ts) FROM t", "DATE_ADD")]
    public void Refuses_functions_duckdb_lacks_or_means_differently(string sql, string function)
    {
        var error = Assert.Throws<NotSupportedException>(() => TrinoToDuckDb.Translate(sql));
        Assert.Contains($"'{function}'", error.Message);
    }

    [Fact]
    public void Leaves_the_common_ground_and_string_literals_alone()
    {
        const string sql = "WITH x AS (SELECT try_cast(a AS bigint) AS a, date_trunc('month', ts) AS m FROM t) SELECT 'approx_distinct(1)', count(*) FROM x CROSS JOIN UNNEST(arr) AS u(v)";
        Assert.Equal(sql, TrinoToDuckDb.Translate(sql));
        Assert.Equal("SELECT 'element_at(' FROM t", TrinoToDuckDb.Translate("SELECT 'element_at(' FROM t"));
    }
}
