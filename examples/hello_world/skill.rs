//! The hello-world skill itself, shared by `main.rs` and the tests.

use alexa_kit::i18n::Locales;
use alexa_kit::prelude::*;
use alexa_kit::skill::SkillBuilder;

/// Greets the world in the user's language, or the user by name when the
/// utterance filled the `name` slot (AMAZON.FirstName), then ends the session.
pub struct HelloWorld;

#[async_trait(?Send)]
impl Handler for HelloWorld {
    async fn handle(&self, cx: &mut Input) -> Result<ResponseBuilder> {
        let greeting = match cx.slot_value("name").map(str::trim) {
            Some(name) if !name.is_empty() => cx
                .localizer()
                .t_args("hello-name", &alexa_kit::args!["name" => name]),
            _ => cx.t("hello-world"),
        };
        Ok(cx.say(greeting).end_session())
    }
}

/// The skill's messages: `locales/<language>/hello_world.ftl`, compiled in.
pub fn locales() -> Result<Locales> {
    Locales::embedded(alexa_kit::include_locales!("$CARGO_MANIFEST_DIR/locales"))
}

/// The skill, ready to `build()` or `run()`. Launch, help, stop, cancel and
/// fallback come from the framework's defaults; `welcome` and `help` are
/// overridden by `locales/`.
pub fn builder() -> SkillBuilder {
    Skill::builder()
        .locales(locales())
        .intent("HelloWorldIntent", HelloWorld)
}
