using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Lambdas.Tests.Support;

public static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static T Load<T>(string name, JsonTypeInfo<T> type) => JsonSerializer.Deserialize(Text(name), type)!;
}
