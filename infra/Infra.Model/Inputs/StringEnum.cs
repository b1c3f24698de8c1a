using System.Reflection;

namespace Infra.Model.Inputs;

/// <summary>
/// A closed set of string values declared by a provider. Members are the only instances,
/// so a misspelled value fails the build.
/// </summary>
public abstract class StringEnum(string name)
{
    public string Name { get; } = name;

    public override string ToString() => Name;

    /// <summary>Every member of an enum type, in declaration order.</summary>
    public static IReadOnlyList<T> Members<T>() where T : StringEnum =>
        typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(T))
            .Select(field => (T)field.GetValue(null)!)
            .ToList();

    /// <summary>The member with this value, or null.</summary>
    public static T? Find<T>(string value) where T : StringEnum =>
        Members<T>().FirstOrDefault(member => member.Name == value);
}
