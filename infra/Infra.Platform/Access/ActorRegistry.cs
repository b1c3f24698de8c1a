namespace Infra.Platform.Access;

/// <summary>The actors components declare while a stack is synthesized.</summary>
public sealed class ActorRegistry
{
    private readonly List<Actor> _actors = [];

    public IReadOnlyList<Actor> All => _actors;

    public void Add(Actor actor) => _actors.Add(actor);
}
