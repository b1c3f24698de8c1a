namespace Infra.Platform.Access;

/// <summary>The actors components declare while a stack is synthesized; an actor declared again (a service acting for several resources) gathers its calls.</summary>
public sealed class ActorRegistry
{
    private readonly List<Actor> _actors = [];

    public IReadOnlyList<Actor> All => _actors;

    public void Add(Actor actor)
    {
        var index = _actors.FindIndex(a => a.Name == actor.Name && a.Principal == actor.Principal);
        if (index < 0)
        {
            _actors.Add(actor);
        }
        else
        {
            _actors[index] = _actors[index] with { Calls = [.. _actors[index].Calls, .. actor.Calls] };
        }
    }
}
