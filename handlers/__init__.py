"""What the bot says and decides; imports no telegram and no aiohttp."""
