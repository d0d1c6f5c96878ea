-- Accessibility and usability feedback from any visitor (WCAG 2.2 asks for a way to report barriers).
create schema if not exists portal;

create table portal.feedback (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind in ('barrier', 'content', 'suggestion', 'other')),
  page_url text check (char_length(page_url) <= 500),
  message text not null check (char_length(message) between 10 and 2000),
  contact_email text check (char_length(contact_email) <= 254),
  locale text not null check (locale in ('id', 'en')),
  status text not null default 'new' check (status in ('new', 'acknowledged', 'resolved')),
  created_at timestamptz not null default now()
);

create index feedback_status_created_idx on portal.feedback (status, created_at desc);
