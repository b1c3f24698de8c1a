using DbExtract;
using MySqlConnector;
using Npgsql;
using Pipelines.Declarations.Functions;

namespace Lambdas.Tests.DbExtract;

/// <summary>TLS to the source: required in AWS, verified (chain and host name) once a CA bundle is configured.</summary>
public sealed class SourceEngineTlsTests : IDisposable
{
    private readonly string _bundle = Path.GetTempFileName();

    private Func<string, string?> Environment(string? tls, string? bundle) => name => name switch
    {
        DbExtractContract.HostVariable => "db.example.internal",
        DbExtractContract.DatabaseVariable => "classicmodels",
        DbExtractContract.UserVariable => DbExtractContract.ReaderUser,
        DbExtractContract.TlsVariable => tls,
        DbExtractContract.CaBundleVariable => bundle,
        _ => null,
    };

    [Fact]
    public void With_a_bundle_the_certificate_and_host_are_verified_against_it_and_without_one_tls_is_still_required()
    {
        var mysql = new MySqlConnectionStringBuilder(SourceEngine.MySql.Connect(Environment(null, _bundle), "token").ConnectionString);
        Assert.Equal((MySqlSslMode.VerifyFull, _bundle), (mysql.SslMode, mysql.SslCa));
        var postgres = new NpgsqlConnectionStringBuilder(SourceEngine.PostgreSql.Connect(Environment(null, _bundle), "token").ConnectionString);
        Assert.Equal((SslMode.VerifyFull, _bundle), (postgres.SslMode, postgres.RootCertificate));

        Assert.Equal(MySqlSslMode.Required, new MySqlConnectionStringBuilder(SourceEngine.MySql.Connect(Environment(null, null), "token").ConnectionString).SslMode);
        Assert.Equal(SslMode.Require, new NpgsqlConnectionStringBuilder(SourceEngine.PostgreSql.Connect(Environment(null, null), "token").ConnectionString).SslMode);
    }

    [Fact]
    public void A_bundle_that_does_not_exist_or_with_tls_disabled_is_an_error_that_names_it()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => SourceEngine.PostgreSql.Connect(Environment(null, "/no/such/bundle.pem"), "token"));
        Assert.Contains("DB_CA_BUNDLE names '/no/such/bundle.pem', which does not exist", missing.Message);
        var disabled = Assert.Throws<InvalidOperationException>(() => SourceEngine.MySql.Connect(Environment("disable", _bundle), "token"));
        Assert.Contains("DB_TLS is 'disable'", disabled.Message);
    }

    public void Dispose() => File.Delete(_bundle);
}
