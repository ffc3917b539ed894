using Bot.Core.Application;
using Bot.Host.Pipeline;
using Discord;

namespace Bot.Host.Platforms.Discord;

/// <summary>
/// Takes an interaction in, whether it came over the gateway or over HTTP: reads it into plain facts, maps it, and
/// for anything the core must see, remembers its token and commits it to the inbox before Discord is answered.
/// </summary>
internal sealed class DiscordInteractionIntake(DiscordStateStore state, InboundPipeline pipeline, CheckInOptions checkIn)
{
    /// <summary>What to answer Discord; null for an interaction that is not for us (a bot's, an unknown kind).</summary>
    public async Task<DiscordIntake?> TakeAsync(IDiscordInteraction interaction)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        if (Facts(interaction) is not { } facts
            || DiscordInteractionMapper.Map(facts, checkIn.MaxAnswerLength) is not { } intake)
        {
            return null;
        }

        if (intake.Message is { } message)
        {
            // Remembered and committed first: from here on nothing the person did can be lost.
            await state.RememberAsync(interaction.Id, interaction.ApplicationId, interaction.Token, CancellationToken.None)
                .ConfigureAwait(false);
            await pipeline.AcceptAsync($"discord:interaction:{interaction.Id}", message, CancellationToken.None)
                .ConfigureAwait(false);
        }

        return intake;
    }

    /// <summary>Notes that the acknowledgement went out: the first reply fills in the "thinking…" message.</summary>
    public Task AcknowledgedAsync(ulong id, DiscordIntake intake) =>
        intake.Message is null ? Task.CompletedTask : state.MarkAcknowledgedAsync(id, CancellationToken.None);

    /// <summary>Too late or refused: what the person did still counts, and the replies to it go by DM.</summary>
    public Task NotAcknowledgedAsync(ulong id) => state.ForgetAsync(id, CancellationToken.None);

    /// <summary>The answer form the Answer button opens.</summary>
    public static Modal AnswerForm(DiscordAck.AnswerForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return new ModalBuilder()
            .WithTitle(Copy.AnswerFormTitle)
            .WithCustomId(form.CustomId)
            .AddLabel(Copy.AnswerFieldLabel,
                new TextInputBuilder(DiscordInteractionMapper.AnswerInput, TextInputStyle.Paragraph,
                    maxLength: form.MaxLength, required: true),
                Copy.AnswerFieldHint)
            .Build();
    }

    internal static DiscordInteractionFacts? Facts(IDiscordInteraction interaction)
    {
        var user = interaction.User;
        var facts = (DiscordInteractionKind kind) => new DiscordInteractionFacts(kind, interaction.Id, user.Id, NameOf(user),
            user.IsBot, interaction.GuildId, interaction.ChannelId ?? 0);
        return interaction switch
        {
            ISlashCommandInteraction command => facts(DiscordInteractionKind.Command) with
            {
                CommandName = command.Data.Name,
                Options = DiscordCommands.Options(command.Data.Options.Select(o => (o.Name, (object?)o.Value))),
            },
            IComponentInteraction click => facts(DiscordInteractionKind.Button) with { CustomId = click.Data.CustomId },
            IModalInteraction form => facts(DiscordInteractionKind.ModalSubmit) with
            {
                CustomId = form.Data.CustomId,
                Fields = form.Data.Components.Where(c => c.CustomId is not null)
                    .GroupBy(c => c.CustomId, StringComparer.Ordinal)
                    .ToDictionary(g => g.Key, g => g.First().Value ?? "", StringComparer.Ordinal),
            },
            IAutocompleteInteraction autocomplete => facts(DiscordInteractionKind.Autocomplete) with
            {
                Typed = autocomplete.Data.Current?.Value?.ToString() ?? "",
            },
            _ => null,
        };
    }

    internal static string NameOf(IUser user) => user.GlobalName ?? user.Username;
}
