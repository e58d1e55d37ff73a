//! Start-up checks over built bundles: which variables a message uses.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use super::Bundle;

/// The `$variables` a message (value and attributes) uses, following message
/// references within the bundle. Term arguments are counted; a term's own
/// variables are local to it and are not.
pub(crate) fn message_variables(bundle: &Bundle, id: &str) -> BTreeSet<String> {
    let mut vars = BTreeSet::new();
    let mut visited = Vec::new();
    collect_message(bundle, id, &mut vars, &mut visited);
    vars
}

fn collect_message<'b>(
    bundle: &'b Bundle,
    id: &'b str,
    vars: &mut BTreeSet<String>,
    visited: &mut Vec<&'b str>,
) {
    if visited.contains(&id) {
        return;
    }
    visited.push(id);
    let Some(message) = bundle.get_message(id) else {
        return;
    };
    if let Some(value) = message.value() {
        collect_pattern(bundle, value, vars, visited);
    }
    for attribute in message.attributes() {
        collect_pattern(bundle, attribute.value(), vars, visited);
    }
}

fn collect_pattern<'b>(
    bundle: &'b Bundle,
    pattern: &'b Pattern<&'b str>,
    vars: &mut BTreeSet<String>,
    visited: &mut Vec<&'b str>,
) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            collect_expression(bundle, expression, vars, visited);
        }
    }
}

fn collect_expression<'b>(
    bundle: &'b Bundle,
    expression: &'b Expression<&'b str>,
    vars: &mut BTreeSet<String>,
    visited: &mut Vec<&'b str>,
) {
    match expression {
        Expression::Select { selector, variants } => {
            collect_inline(bundle, selector, vars, visited);
            for variant in variants {
                collect_pattern(bundle, &variant.value, vars, visited);
            }
        }
        Expression::Inline(inline) => collect_inline(bundle, inline, vars, visited),
    }
}

fn collect_inline<'b>(
    bundle: &'b Bundle,
    inline: &'b InlineExpression<&'b str>,
    vars: &mut BTreeSet<String>,
    visited: &mut Vec<&'b str>,
) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                collect_inline(bundle, arg, vars, visited);
            }
            for arg in &arguments.named {
                collect_inline(bundle, &arg.value, vars, visited);
            }
        }
        InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for arg in &arguments.positional {
                collect_inline(bundle, arg, vars, visited);
            }
            for arg in &arguments.named {
                collect_inline(bundle, &arg.value, vars, visited);
            }
        }
        InlineExpression::MessageReference { id, .. } => {
            collect_message(bundle, id.name, vars, visited);
        }
        InlineExpression::Placeable { expression } => {
            collect_expression(bundle, expression, vars, visited);
        }
        InlineExpression::StringLiteral { .. }
        | InlineExpression::NumberLiteral { .. }
        | InlineExpression::TermReference {
            arguments: None, ..
        } => {}
    }
}

/// `{$a, $b}` for messages.
pub(crate) fn describe(vars: &BTreeSet<String>) -> String {
    if vars.is_empty() {
        return "no variables".to_owned();
    }
    let list: Vec<String> = vars.iter().map(|v| format!("${v}")).collect();
    format!("{{{}}}", list.join(", "))
}
