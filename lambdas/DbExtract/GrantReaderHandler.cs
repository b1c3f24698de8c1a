using System.Data.Common;

namespace DbExtract;

/// <summary>The deployment's request: which user to make read-only (the extract's).</summary>
public sealed class GrantReaderRequest
{
    public required string Reader { get; init; }
}

public sealed record GrantReaderResponse(string Reader, string Database, int Statements);

/// <summary>
/// Makes the extract's read-only user, signed in as the database's administrator. Run by the deployment (an invocation
/// resource) each time what it grants changes; it knows nothing of how it was invoked.
/// </summary>
public sealed class GrantReaderHandler(Func<CancellationToken, Task<DbConnection>> connectAsAdministrator, SourceEngine engine, string database, ReaderSignIn signIn)
{
    public async Task<GrantReaderResponse> HandleAsync(GrantReaderRequest request, CancellationToken cancellationToken)
    {
        var statements = ReaderGrant.Statements(engine, database, request.Reader, signIn);
        await using var connection = await connectAsAdministrator(cancellationToken).ConfigureAwait(false);
        foreach (var sql in statements)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
        return new GrantReaderResponse(request.Reader, database, statements.Count);
    }
}
