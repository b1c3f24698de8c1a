namespace RestIngestion;

/// <summary>The API said no in a way retrying cannot change (bad credentials, 400, 403, 404): the run stops with this message.</summary>
public sealed class ApiRefusedException(string message) : Exception(message);
