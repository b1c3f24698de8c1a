namespace Infra.Tests.Mocking;

/// <summary>The program could not be deployed against the mocks; the message names where and why.</summary>
public sealed class MockDeploymentException(string message) : Exception(message);
