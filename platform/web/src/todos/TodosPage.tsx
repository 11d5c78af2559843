/**
 * 待办: what is waiting for the signed-in user, by kind, within their jurisdiction — self-reports to confirm,
 * refused imports, carriers that have not reported, certificates about to expire, lists to publish or read.
 * Each kind shows how many and its first few; each item opens the page where it is handled.
 */
import { Alert, Card, Col, Empty, List, Row, Skeleton, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { TodoGroup } from '@kechuang/platform-core';
import { errorMessage } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useT } from '../i18n.ts';
import { PageHeader } from '../PageHeader.tsx';
import { useTodos } from './api.ts';

function Group({ group }: { group: TodoGroup }) {
  const t = useT();
  return (
    <Card
      size="small"
      data-testid={`todo-group-${group.kind}`}
      title={
        <span>
          {t(`todo.kind.${group.kind}`)}{' '}
          <Tag color="processing" data-testid="todo-count">
            {group.count}
          </Tag>
        </span>
      }
      extra={group.count > group.items.length && <Link to={group.link}>{t('todo.all', { n: group.count })}</Link>}
    >
      <List
        size="small"
        dataSource={group.items}
        renderItem={(item) => (
          <List.Item extra={item.at && <Typography.Text type="secondary">{formatDateTime(item.at)}</Typography.Text>}>
            <List.Item.Meta
              title={
                <Link to={item.link} data-testid="todo-item">
                  {item.title}
                </Link>
              }
              description={t(`todo.facts.${group.kind}`, item.facts)}
            />
          </List.Item>
        )}
      />
    </Card>
  );
}

export function TodosPage() {
  const t = useT();
  const todos = useTodos();
  return (
    <>
      <PageHeader title={t('nav.todos')} subtitle={todos.data ? t('todo.subtitle', { n: todos.data.total }) : ' '} />
      {todos.isError && <Alert type="error" showIcon title={errorMessage(todos.error)} />}
      {!todos.data ? (
        <Skeleton active />
      ) : todos.data.groups.length === 0 ? (
        <Empty description={t('todo.none')} style={{ marginTop: 80 }} data-testid="todo-none" />
      ) : (
        <Row gutter={[16, 16]}>
          {todos.data.groups.map((g) => (
            <Col key={g.kind} xs={24} xl={12}>
              <Group group={g} />
            </Col>
          ))}
        </Row>
      )}
    </>
  );
}
