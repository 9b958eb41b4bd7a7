from tests.platforms.discord.conftest import RunningBot


async def test_help_round_trip(bot: RunningBot) -> None:
    sent = await bot.fake.send_interaction("help")
    callback = await bot.fake.callback(sent)
    print(callback)
    assert callback.body["type"] == 4
