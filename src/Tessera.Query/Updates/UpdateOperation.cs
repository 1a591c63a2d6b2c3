namespace Tessera.Query.Updates;

/// <summary>One operator applied to one path ({$inc: {a: 1}} is one operation on "a").</summary>
internal abstract class UpdateOperation(string operatorName, UpdatePath path)
{
    public string OperatorName { get; } = operatorName;

    public UpdatePath Path { get; } = path;

    /// <summary>Whether a missing path is created (and a scalar in the way is an error).</summary>
    protected virtual bool CreatesPath => true;

    /// <summary>Every path the operation writes, for mongod's conflict check.</summary>
    public virtual IEnumerable<UpdatePath> WrittenPaths => [Path];

    public virtual void Execute(UpdateContext context) =>
        UpdatePathResolver.Visit(context, Path, CreatesPath, slot => Apply(slot, context));

    protected abstract void Apply(UpdateSlot slot, UpdateContext context);
}
