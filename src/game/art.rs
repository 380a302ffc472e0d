//! Portraits and icons from `assets/`: loaded once, handed to egui as textures. A missing file
//! falls back (a persona without a portrait gets the default one) and never stops the game.

use crate::scenario::{Channel, Principle};
use bevy::asset::RenderAssetUsages;
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
}

/// Portraits are loaded when they can be seen, not all at start: the picker shows each
/// scenario's neutral face, a conversation its customer's three. Each portrait is 1 MiB of
/// texture, and most runs see one customer. A scenario without its own portraits gets the
/// default ones, loaded the first time they are needed.
fn register_portraits(
    library: Res<super::library::Library>,
    session: Option<Res<super::session::Session>>,
    screen: Option<Res<State<super::session::Screen>>>,
    mut loader: Loader,
    mut ids: ResMut<ArtIds>,
) {
    // On the picker this looks every frame (four lookups); elsewhere only on a change.
    let picking = screen.is_some_and(|s| *s.get() == super::session::Screen::Picker);
    if !(picking || library.is_changed() || session.as_ref().is_some_and(|s| s.is_changed())) {
        return;
    }
    let all = [Expression::Calm, Expression::Neutral, Expression::Stressed];
    let mut wanted: Vec<(String, Expression)> = Vec::new();
    if let Some(s) = &session {
        let id = s.conv.book().id();
        wanted.extend(all.iter().map(|e| (id.to_string(), *e)));
    }
    if picking {
        wanted.extend(
            library
                .playable()
                .map(|b| (b.id().to_string(), Expression::Neutral)),
        );
    }
    for (id, e) in wanted {
        let key = (id.clone(), e);
        if ids.portraits.contains_key(&key) {
            continue;
        }
        let path = format!("portraits/{id}-{}.png", e.key());
        let (key, path) = if loader.dir.0.join(&path).is_file() {
            (key, path)
        } else {
            // The default face, once.
            let key = ("default".to_string(), e);
            if ids.portraits.contains_key(&key) {
                continue;
            }
            let path = format!("portraits/default-{}.png", e.key());
            if !loader.dir.0.join(&path).is_file() {
                warn!(
                    "missing artwork {}: no portrait",
                    loader.dir.0.join(&path).display()
                );
                continue;
            }
            (key, path)
        };
        let h: Handle<Image> = loader.server.load(path);
        ids.portraits.insert(
            key,
            loader
                .textures
                .add_image(EguiTextureHandle::Strong(h.clone())),
        );
        loader.handles.0.push(h);
    }
}

/// What loading a picture for egui takes.
#[derive(bevy::ecs::system::SystemParam)]
struct Loader<'w> {
    server: Res<'w, AssetServer>,
    dir: Res<'w, AssetsDir>,
    textures: ResMut<'w, EguiUserTextures>,
    handles: ResMut<'w, Handles>,
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
        // Once on the GPU, the pixels need not stay in memory as well: the render world takes
        // them at the next extraction (a reload brings a fresh copy and comes through here).
        image.asset_usage = RenderAssetUsages::RENDER_WORLD;
    }
}
