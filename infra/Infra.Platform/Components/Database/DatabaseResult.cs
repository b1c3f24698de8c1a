using Infra.Model.Values;
using Infra.Platform.Components.Parameters;

namespace Infra.Platform.Components.Database;

/// <param name="Engine">The engine and its port.</param>
/// <param name="Address">The instance's private DNS name.</param>
/// <param name="Password">The SecureString parameter holding the master password (read it through SSM, decrypted with the stack key).</param>
/// <param name="Identifier">The instance identifier (alarms name it).</param>
public sealed record DatabaseResult(DatabaseEngine Engine, Reference Address, string DatabaseName, string Username, ParameterResult Password, string Identifier);
