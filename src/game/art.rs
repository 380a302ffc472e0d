//! Portraits and icons from `assets/`: loaded once, handed to egui as textures. A missing file
//! falls back (a persona without a portrait gets the default one) and never stops the game.

use crate::scenario::{Channel, Principle};
use bevy::prelude::*;
use bevy_egui::{EguiTextureHandle, EguiUserTextures, egui};
use std::collections::HashMap;
use std::path::PathBuf;

/// The customer's expression, from their mood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Expression {
    Calm,
    Neutral,
    Stressed,
}

impl Expression {
    pub fn of(mood: crate::scenario::Mood) -> Expression {
        if mood.stress >= 65 || mood.trust < 20 {
            Expression::Stressed
        } else if mood.trust >= 55 && mood.stress < 50 {
            Expression::Calm
        } else {
            Expression::Neutral
        }
    }
    fn key(self) -> &'static str {
        match self {
            Expression::Calm => "calm",
            Expression::Neutral => "neutral",
            Expression::Stressed => "stressed",
        }
    }
}

/// egui texture ids of the artwork: plain data, so views can be tested without Bevy.
#[derive(Resource, Debug, Clone, Default)]
pub struct ArtIds {
    portraits: HashMap<(String, Expression), egui::TextureId>,
    channels: HashMap<Channel, egui::TextureId>,
    principles: HashMap<Principle, egui::TextureId>,
    pub app: Option<egui::TextureId>,
}

impl ArtIds {
    pub fn portrait(&self, scenario: &str, e: Expression) -> Option<egui::TextureId> {
        self.portraits
            .get(&(scenario.to_string(), e))
            .or_else(|| self.portraits.get(&("default".to_string(), e)))
            .copied()
    }
    pub fn channel(&self, c: Channel) -> Option<egui::TextureId> {
        self.channels.get(&c).copied()
    }
    pub fn principle(&self, p: Principle) -> Option<egui::TextureId> {
        self.principles.get(&p).copied()
    }
}

/// Where `assets/` is, to see which portraits exist.
#[derive(Resource, Debug, Clone)]
pub struct AssetsDir(pub PathBuf);

#[derive(Resource, Default)]
struct Handles(Vec<Handle<Image>>);

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<ArtIds>()
        .init_resource::<Handles>()
        .add_systems(Startup, load)
        .add_systems(Update, (register_portraits, premultiply));
}

fn channel_key(c: Channel) -> &'static str {
    match c {
        Channel::Phone => "phone",
        Channel::Sms => "sms",
        Channel::Email => "email",
        Channel::Letter => "letter",
        Channel::Visit => "visit",
        Channel::VoiceMessage => "voice_message",
        Channel::SocialMedia => "social_media",
    }
}

fn load(
    server: Res<AssetServer>,
    dir: Res<AssetsDir>,
    mut textures: ResMut<EguiUserTextures>,
    mut ids: ResMut<ArtIds>,
    mut handles: ResMut<Handles>,
) {
    let mut add = |path: String| -> Option<egui::TextureId> {
        if !dir.0.join(&path).is_file() {
            warn!(
                "missing artwork {}: using a fallback",
                dir.0.join(&path).display()
            );
            return None;
        }
        let h: Handle<Image> = server.load(path);
        let id = textures.add_image(EguiTextureHandle::Strong(h.clone()));
        handles.0.push(h);
        Some(id)
    };
    for c in Channel::ALL {
        if let Some(id) = add(format!("icons/channel/{}.png", channel_key(c))) {
            ids.channels.insert(c, id);
        }
    }
    for p in Principle::ALL {
        if let Some(id) = add(format!("icons/principle/{}.png", p.key())) {
            ids.principles.insert(p, id);
        }
    }
    ids.app = add("icons/app.png".to_string());
    for e in [Expression::Calm, Expression::Neutral, Expression::Stressed] {
        if let Some(id) = add(format!("portraits/default-{}.png", e.key())) {
            ids.portraits.insert(("default".to_string(), e), id);
        }
    }
}

/// Portraits are per scenario id, which is known once the library has loaded.
fn register_portraits(
    library: Res<super::library::Library>,
    server: Res<AssetServer>,
    dir: Res<AssetsDir>,
    mut textures: ResMut<EguiUserTextures>,
    mut ids: ResMut<ArtIds>,
    mut handles: ResMut<Handles>,
) {
    if !library.is_changed() {
        return;
    }
    for book in library.playable() {
        for e in [Expression::Calm, Expression::Neutral, Expression::Stressed] {
            let key = (book.id().to_string(), e);
            let path = format!("portraits/{}-{}.png", book.id(), e.key());
            if ids.portraits.contains_key(&key) || !dir.0.join(&path).is_file() {
                continue;
            }
            let h: Handle<Image> = server.load(path);
            ids.portraits.insert(
                key,
                textures.add_image(EguiTextureHandle::Strong(h.clone())),
            );
            handles.0.push(h);
        }
    }
}

/// egui blends premultiplied colours; PNGs are straight alpha.
fn premultiply(
    mut events: MessageReader<AssetEvent<Image>>,
    mut images: ResMut<Assets<Image>>,
    handles: Res<Handles>,
) {
    for e in events.read() {
        let AssetEvent::LoadedWithDependencies { id } = e else {
            continue;
        };
        if !handles.0.iter().any(|h| h.id() == *id) {
            continue;
        }
        let Some(mut image) = images.get_mut(*id) else {
            continue;
        };
        let Some(data) = image.data.as_mut() else {
            continue;
        };
        if data.len() % 4 != 0 {
            continue;
        }
        for px in data.chunks_exact_mut(4) {
            let a = u16::from(px[3]);
            for c in &mut px[..3] {
                *c = ((u16::from(*c) * a + 127) / 255) as u8;
            }
        }
    }
}
