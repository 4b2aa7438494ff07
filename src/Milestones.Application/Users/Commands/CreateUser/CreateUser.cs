namespace Milestones.Application.Users.Commands.CreateUser;

[RequiresScope(Scopes.Admin, GlobalAdmin = true)]
public sealed record CreateUserCommand(string Username, string? DisplayName, bool IsAdmin) : ICommand<UserDto>;

public sealed class CreateUserValidator : AbstractValidator<CreateUserCommand>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Username).NotEmpty().WithMessage("username is required.")
            .Length(3, 39).WithMessage("username must be 3–39 characters of a-z, 0-9, '-' and '_'.")
            .Matches(User.UsernamePatternText).WithMessage("username must be 3–39 characters of a-z, 0-9, '-' and '_'.");
        RuleFor(x => x.DisplayName).MaximumLength(200);
    }
}

public sealed class CreateUserHandler(IApplicationDbContext db, TimeProvider clock)
    : ICommandHandler<CreateUserCommand, UserDto>
{
    public async ValueTask<UserDto> Handle(CreateUserCommand command, CancellationToken cancellationToken)
    {
        var normalized = User.Normalize(command.Username);
        if (await db.Users.AnyAsync(u => u.NormalizedUsername == normalized, cancellationToken))
        {
            throw new ConflictException($"The username '{command.Username}' is taken.");
        }

        var user = User.Create(command.Username, command.DisplayName, command.IsAdmin, clock.GetUtcNow().UtcDateTime);
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken);
        return UserDto.From(user);
    }
}
