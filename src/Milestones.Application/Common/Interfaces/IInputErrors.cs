namespace Milestones.Application.Common.Interfaces;

/// <summary>
/// Values the caller sent that the edge could not turn into their typed form: an unknown enum value,
/// a null where a field cannot be cleared. The edge leaves such a field unset and notes it here;
/// validation reports it (422, naming the field and the allowed values) with its own failures, so
/// it comes after authentication, visibility and role, in the order SPEC 4 sets.
/// </summary>
public interface IInputErrors
{
    IReadOnlyDictionary<string, string[]> Errors { get; }
}
